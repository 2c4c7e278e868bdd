using EventHr.Bench;

// ./ops/bench <scenario>: each scenario talks to a running API (EVENTHR_BENCH_URL) and, where it
// compares with raw PostgreSQL, to the same server (EVENTHR_BENCH_DB).
var scenario = args.FirstOrDefault() ?? "ingest";
var options = BenchOptions.FromEnvironment(args.Skip(1).ToArray());
return scenario switch
{
    "ingest" => await IngestBench.Run(options),
    _ => Usage()
};

static int Usage()
{
    Console.Error.WriteLine("usage: ./ops/bench ingest [--employees 2000] [--days 100] [--writers 2]");
    return 2;
}
