namespace EventHr.Bench;

public sealed record BenchOptions(string ApiUrl, string Database, string Token, int Employees, int Days, int Writers, int BatchesPerSecond,
    int Requests = 200, int ChainEvents = 1_000_000)
{
    public static BenchOptions FromEnvironment(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }
        return new BenchOptions(
            Environment.GetEnvironmentVariable("EVENTHR_BENCH_URL") ?? "http://127.0.0.1:5090",
            Environment.GetEnvironmentVariable("EVENTHR_BENCH_DB") ?? "",
            Environment.GetEnvironmentVariable("EVENTHR_BENCH_TOKEN") ?? throw new InvalidOperationException("EVENTHR_BENCH_TOKEN is not set"),
            Arg("--employees", 2000), Arg("--days", 100), Arg("--writers", 2), Arg("--batches-per-second", 10),
            Arg("--requests", 200), Arg("--chain-events", 1_000_000));
    }
}
