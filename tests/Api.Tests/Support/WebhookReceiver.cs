using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace EventHr.Api.Tests.Support;

/// <summary>A receiver on loopback that answers 503 to its first N requests, as a robot endpoint that is down for a while.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failuresLeft;

    public ConcurrentQueue<(string DeliveryId, JsonNode Body, int Status)> Requests { get; } = new();
    public ConcurrentQueue<Uri> Addresses { get; } = new();
    public string Url { get; }

    public WebhookReceiver(int failFirst)
    {
        _failuresLeft = failFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(ctx.Request.InputStream);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 200;
            Requests.Enqueue((ctx.Request.Headers["X-EventHr-Delivery"] ?? "", body, status));
            Addresses.Enqueue(ctx.Request.Url!);
            ctx.Response.StatusCode = status;
            ctx.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
