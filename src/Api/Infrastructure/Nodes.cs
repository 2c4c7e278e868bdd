using JasperFx.Core;
using Wolverine;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// How API nodes on one PostgreSQL share the work (README "Several nodes"). Every node answers HTTP and ingests;
/// Wolverine's leader election gives each background agent to one node and moves it when that node stops answering
/// its health checks. The timings are Wolverine's defaults unless set (tests and ./ops/chaos shorten them).
/// </summary>
public static class Nodes
{
    public static void Configure(DurabilitySettings durability, IConfiguration config)
    {
        var section = config.GetSection("EventHr:Nodes");
        durability.Mode = section["Mode"] is { } mode ? Enum.Parse<DurabilityMode>(mode, ignoreCase: true) : DurabilityMode.Balanced;
        durability.ScheduledJobPollingTime = 1.Seconds();
        if (Seconds(section, "HealthCheckSeconds") is { } health) durability.HealthCheckPollingTime = health;
        if (Seconds(section, "StaleNodeSeconds") is { } stale) durability.StaleNodeTimeout = stale;
        if (Seconds(section, "CheckAssignmentSeconds") is { } assignment) durability.CheckAssignmentPeriod = assignment;
        if (Seconds(section, "FirstHealthCheckSeconds") is { } first) durability.FirstHealthCheckExecution = first;
    }

    private static TimeSpan? Seconds(IConfiguration section, string key) =>
        section[key] is { } value ? TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : null;
}
