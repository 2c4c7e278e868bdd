using System.Diagnostics.Metrics;

namespace EventHr.Projections.Telemetry;

/// <summary>
/// The business meter "EventHr": what an operator watches beside the framework's own meters. Counters count what
/// was committed (see the API's committed-facts listener); no instrument carries a person, a salary or a health fact,
/// only kinds and outcomes, so their tags stay few.
/// </summary>
public static class EventHrMetrics
{
    public const string Name = "EventHr";

    private static readonly Meter Meter = new(Name, "1.0");

    public static readonly Counter<long> RowsIngested =
        Meter.CreateCounter<long>("eventhr.tallies.ingested", "{row}", "Tally rows accepted into the ledger");

    public static readonly Counter<long> Duplicates =
        Meter.CreateCounter<long>("eventhr.tallies.duplicates", "{row}", "Tally rows sent again (same sourceId) and ignored");

    public static readonly Counter<long> WarningsRaised =
        Meter.CreateCounter<long>("eventhr.warnings.raised", "{warning}", "Performance warnings raised by the rules");

    public static readonly Histogram<double> WarningLatency =
        Meter.CreateHistogram<double>("eventhr.warning.latency", "ms", "From the tally batch's commit to the evaluation that raised its warning");

    public static readonly Counter<long> WebhookDeliveries =
        Meter.CreateCounter<long>("eventhr.webhook.deliveries", "{delivery}", "Webhook attempts by outcome (delivered, refused)");

    public static readonly Histogram<double> SealerLag =
        Meter.CreateHistogram<double>("eventhr.sealer.lag", "s", "Age of the newest event of each range the hash-chain sealer seals");
}
