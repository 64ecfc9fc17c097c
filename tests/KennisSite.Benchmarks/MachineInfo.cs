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

    /// <summary>The filesystem type of the mount that holds <paramref name="path"/> (ext4, tmpfs, ...), from /proc/mounts.</summary>
    public static string FileSystemOf(string path)
    {
        if (!File.Exists("/proc/mounts")) return "?";
        var mounts = File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2);
        var best = mounts.Where(f => path == f[1] || path.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(f => f[1].Length);
        return best?[2] ?? "?";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? FirstLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
