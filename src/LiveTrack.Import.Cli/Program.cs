using System.Diagnostics;
using LiveTrack.Import;
using LiveTrack.Import.Cli;

var options = CliOptions.Parse(args, out var usageError);
if (options is null)
{
    if (string.IsNullOrEmpty(usageError))
    {
        Console.WriteLine(CliOptions.Usage);
        return 0;
    }

    Console.Error.WriteLine($"livetrack-import: {usageError}");
    Console.Error.WriteLine(CliOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (options.Upload is not null)
{
    try
    {
        return await ServerImport.RunAsync(options, cancel.Token);
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine("livetrack-import: cancelled (an upload already accepted goes on importing on the server)");
        return 130;
    }
}

var clock = Stopwatch.StartNew();
var runner = new ImportRunner(options.Import);
try
{
    var summary = await runner.RunAsync(
        options.Path,
        new CountingSink(),
        options.Quiet ? null : new ConsoleProgress(clock),
        cancel.Token);
    Console.Write(ConsoleReport.Summary(summary, clock.Elapsed));
    return summary.FilesWithProblems > 0 ? 3 : 0;
}
catch (ImportException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"livetrack-import: {ex.Message}");
    if (ex.Progress is { } progress)
    {
        Console.Write(ConsoleReport.Summary(progress, clock.Elapsed));
    }

    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("livetrack-import: cancelled");
    return 130;
}
