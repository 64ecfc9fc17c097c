// Benchmarks of KennisSite, run by hand (not part of tests/run.sh):
//   dotnet run -c Release --project tests/KennisSite.Benchmarks -- zoeken [--cahiers 100] [--kaarten 2000] [--markdown FILE]
//   dotnet run -c Release --project tests/KennisSite.Benchmarks -- bouwen [--maten klein,middel,groot] [--runs 3] [--zonder-hugo] [--map MAP]
//   dotnet run -c Release --project tests/KennisSite.Benchmarks -- serve [--cahiers 100] [--kaarten 2000] [--runs 10]
//   dotnet run -c Release --project tests/KennisSite.Benchmarks -- genereer --map MAP [--cahiers N] [--kaarten N] [--seed N] [--hugo MAP] [--hugo-verwant]
using KennisSite.Benchmarks;

try
{
    var options = Options.Parse(args);
    switch (options.Command)
    {
        case "zoeken":
            return await SearchBenchmark.RunAsync(options);
        case "bouwen":
            return BuildBenchmark.Run(options);
        case "serve":
            return await ServeBenchmark.RunAsync(options);
        case "genereer":
            var folder = options.String("map") ?? throw new UsageException("genereer heeft --map MAP nodig.");
            var stats = SyntheticSite.Write(Path.GetFullPath(folder), options.Int("cahiers", 100), options.Int("kaarten", 2000), options.Int("seed", 1));
            Console.WriteLine($"{folder}: {stats.Cahiers} cahiers ({stats.CahierWords:N0} woorden), {stats.Cards} praktijkvoorbeelden ({stats.CardWords:N0} woorden), {stats.Themes} thema's, {stats.ContentBytes:N0} bytes");
            if (options.String("hugo") is { } hugoFolder)
            {
                HugoSite.Write(Path.GetFullPath(folder), Path.GetFullPath(hugoFolder), options.Flag("hugo-verwant"));
                Console.WriteLine($"{hugoFolder}: dezelfde inhoud als Hugo-site (hugo --source {hugoFolder})");
            }
            return 0;
        case "help" or "--help" or "-h":
            Console.WriteLine(Options.Usage);
            return 0;
        default:
            throw new UsageException($"Onbekende opdracht '{options.Command}'.");
    }
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
