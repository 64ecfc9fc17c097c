using System.Runtime.InteropServices;
using KennisSite.Cli;

var colour = !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
var progress = !Console.IsErrorRedirected;
using var stop = new CancellationTokenSource();
// Ctrl+C and a service manager's SIGTERM end `serve` cleanly instead of killing it mid-answer.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
return CommandLine.Run(args, Console.Out, Console.Error, colour, progress, stop.Token);
