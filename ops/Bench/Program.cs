using EventHr.Bench;

// ./ops/bench <scenario>: each scenario talks to a running API (EVENTHR_BENCH_URL) and, where it
// compares with raw PostgreSQL, to the same server (EVENTHR_BENCH_DB).
var scenario = args.FirstOrDefault() ?? "ingest";
var options = BenchOptions.FromEnvironment(args.Skip(1).ToArray());
return scenario switch
{
    "ingest" => await IngestBench.Run(options),
    "demo" => await Demo.Run(options),
    "report" => await ReportBench.Run(options),
    "evidence" => await EvidenceBench.Run(options),
    "chaos" => await Chaos.Run(options),
    "lifecycle" => await LifecycleBench.Run(options with { Days = options.Days == 100 ? 30 : options.Days }),
    _ => Usage()
};

static int Usage()
{
    Console.Error.WriteLine("usage: ./ops/bench ingest|lifecycle|report|evidence [--employees 2000] [--days 100] [--writers 2] [--batches-per-second 10] [--requests 200] [--chain-events 1000000]");
    return 2;
}
