using System.Globalization;
using System.Runtime.InteropServices;

namespace KennisSite.Benchmarks;

/// <summary>What machine a benchmark ran on, for the report: figures mean little without it; and the progress log beside it.</summary>
public static class MachineInfo
{
    /// <summary>A timestamped line on stderr, so stdout keeps only the report.</summary>
    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public static void Describe(Report report)
    {
        report.Add("processoren (nproc)", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        report.Add("cpu", FirstLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString());
        report.Add("geheugen", FirstLine("/proc/meminfo", "MemTotal") ?? "?");
        report.Add("besturingssysteem", RuntimeInformation.OSDescription);
        report.Add(".NET", RuntimeInformation.FrameworkDescription);
        report.Add("belasting (loadavg) bij de start", LoadAverage());
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? FirstLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
