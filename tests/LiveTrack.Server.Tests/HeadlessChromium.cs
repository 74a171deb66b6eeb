using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveTrack.Server.Tests;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol: enough to load a page and evaluate script in it.
/// Installs the <c>chromium</c> package with apt-get on first use when it is missing (CI machines start without it).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        await EnsureInstalled();
        var profile = Directory.CreateTempSubdirectory("livetrack-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1200,900", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Chromium says where its DevTools server listens on standard error once it listens: that line is the notification.
        var devTools = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            const string Listening = "DevTools listening on ";
            if (e.Data?.IndexOf(Listening, StringComparison.Ordinal) is >= 0 and var at)
            {
                devTools.TrySetResult(new Uri(e.Data[(at + Listening.Length)..].Trim()));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Exited += (_, _) => devTools.TrySetException(new InvalidOperationException("chromium exited before opening DevTools"));
        if (!process.Start())
        {
            throw new InvalidOperationException("chromium did not start");
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectToPage(devTools.Task);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    public Task Navigate(Uri url) => Send("Page.navigate", new JsonObject { ["url"] = url.ToString() });

    /// <summary>Saves a PNG of the page as it is shown now (a test artifact a reviewer can open).</summary>
    public async Task Screenshot(string path)
    {
        var shot = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot!["data"]!));
    }

    /// <summary>Makes the page's window this size (CSS pixels); <paramref name="mobile"/> emulates a phone's viewport.</summary>
    public Task Resize(int width, int height, bool mobile = false) => Send("Emulation.setDeviceMetricsOverride", new JsonObject
    {
        ["width"] = width,
        ["height"] = height,
        ["deviceScaleFactor"] = 1,
        ["mobile"] = mobile,
    });

    /// <summary>Evaluates an expression in the page (awaiting it if it is a promise) and returns its JSON value.</summary>
    public async Task<JsonNode?> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        });
        if (result?["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"Script failed: {error.ToJsonString()}");
        }

        return result?["result"]?["value"];
    }

    /// <summary>
    /// Waits, inside the page, until the expression is truthy; fails after the timeout with its last value.
    /// A navigation (a reload the page does itself) destroys the document the wait runs in: the wait then starts
    /// again in the new document, within the same deadline.
    /// </summary>
    public async Task<JsonNode?> WaitUntil(string expression, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var remaining = (int)Math.Max(0, (deadline - DateTimeOffset.UtcNow).TotalMilliseconds);
            try
            {
                return await Evaluate($$"""
                    new Promise((resolve, reject) => {
                      const deadline = Date.now() + {{remaining}};
                      const check = () => {
                        let value;
                        try { value = ({{expression}}); } catch (e) { value = undefined; }
                        if (value) { resolve(value); }
                        else if (Date.now() > deadline) { reject(new Error('timed out waiting for: ' + {{JsonSerializer.Serialize(expression)}} + ' — page says: ' + document.body.innerText.slice(0, 400))); }
                        else { setTimeout(check, 50); }
                      };
                      check();
                    })
                    """);
            }
            catch (InvalidOperationException ex) when (IsNavigation(ex) && DateTimeOffset.UtcNow < deadline)
            {
                // The document went away under the wait: evaluate again in the one that replaced it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsNavigation(InvalidOperationException ex) =>
        ex.Message.Contains("navigated or closed", StringComparison.Ordinal)
        || ex.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || ex.Message.Contains("Cannot find context", StringComparison.Ordinal);

    private async Task ConnectToPage(Task<Uri> devTools)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var browser = await devTools.WaitAsync(cts.Token);
        using var http = new HttpClient();
        var targets = await http.GetFromJsonAsync<JsonArray>($"http://{browser.Authority}/json/list", cts.Token);
        var page = targets!.First(t => (string?)t!["type"] == "page");
        await socket.ConnectAsync(new Uri((string)page!["webSocketDebuggerUrl"]!), cts.Token);
    }

    private async Task<JsonNode?> Send(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cts.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cts.Token);
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var reply = JsonNode.Parse(received.ToArray());
            if ((int?)reply?["id"] == id)
            {
                return reply?["error"] is { } error
                    ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
                    : reply?["result"];
            }
        }
    }

    private static async Task EnsureInstalled()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Executable))
            {
                await Run("apt-get", "update");
                await Run("apt-get", "install", "-y", "--no-install-recommends", "chromium");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
