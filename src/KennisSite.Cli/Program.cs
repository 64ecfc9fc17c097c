using KennisSite.Cli;

var colour = !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
return CommandLine.Run(args, Console.Out, Console.Error, colour);
