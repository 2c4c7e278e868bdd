using System.Text.Json;
using System.Text.Json.Serialization;
using EventHr.Api.Cases;
using EventHr.Api.Dashboard;
using EventHr.Api.Development;
using EventHr.Api.Infrastructure;
using EventHr.Api.Infrastructure.Contract;
using EventHr.Api.Infrastructure.Input;
using EventHr.Api.Infrastructure.Telemetry;
using EventHr.Api.Rules;
using JasperFx.Core;
using Marten.Exceptions;
using Wolverine.ErrorHandling;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);

var connectionString = Connections.WithToastCompression(Connections.WithStatementCache(builder.Configuration.GetConnectionString("EventHr")
    ?? throw new InvalidOperationException("ConnectionStrings:EventHr is not set")),
    builder.Configuration.GetValue("EventHr:Database:ToastCompression", "lz4"));
var schema = builder.Configuration["EventHr:Schema"] ?? "eventhr";

// "ledger rebuild" (./ops/projections rebuild): re-derives the tally ledger from its events, then exits.
if (args is ["ledger", "rebuild"])
{
    await using var conn = new Npgsql.NpgsqlConnection(connectionString);
    await conn.OpenAsync();
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var rows = await new EventHr.Projections.Tallies.TallyLedgerRebuild(schema).RunAsync(conn, CancellationToken.None);
    Console.WriteLine($"Rebuilt the tally ledger: {rows} rows from tallies_recorded events in {sw.ElapsedMilliseconds} ms");
    return 0;
}

// Where the API connects as a runtime role that may not change the schema, its owner applied it first (schema apply).
var applySchemaOnStart = builder.Configuration.GetValue("EventHr:Database:ApplySchemaOnStart", true);

builder.AddEventHrTelemetry();
// Production loads the handler code committed in Internal/Generated (./ops/codegen writes it) instead of compiling it at
// every start; it refuses to start when a type is missing. Elsewhere the code is compiled at start-up, as it changes.
builder.Services.CritterStackDefaults(x =>
{
    x.Production.GeneratedCodeMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
    x.Production.AssertAllPreGeneratedTypesExist = true;
    if (builder.Configuration["EventHr:CodeGen:OutputPath"] is { } output) x.GeneratedCodeOutputPath = output;
});
builder.Services.AddSingleton(SettableClock.From(builder.Configuration, builder.Environment));
var marten = builder.Services.AddMarten(o =>
    {
        EventStore.Configure(o, connectionString, schema);
        if (!applySchemaOnStart) o.AutoCreateSchemaObjects = AutoCreate.None;
        // Absent metrics stay absent in stored events: a 2,000-row tally batch is then half the size.
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            configure: json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
    })
    .UseLightweightSessions()
    // Wolverine runs each async shard (the hash-chain sealer) on exactly one node of the cluster and moves it when
    // that node dies; Marten's own daemon coordination is then off (no AddAsyncDaemon).
    .IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);
if (applySchemaOnStart) marten.ApplyAllDatabaseChangesOnStartup();

builder.Host.UseWolverine(o =>
{
    o.ApplicationAssembly = typeof(Program).Assembly;
    o.Policies.AutoApplyTransactions();
    o.Policies.UseDurableLocalQueues();
    o.Policies.AddMiddleware(typeof(EventHr.Api.Infrastructure.Telemetry.MessageLogScope));
    // Balanced: nodes on one database elect a leader that assigns the durability agents (scheduled messages, plan
    // deadlines, the 09:00 chain's timer, recovery of a dead node's inbox) and the sealer, each to one node at a time.
    EventHr.Api.Infrastructure.Nodes.Configure(o.Durability, builder.Configuration);
    if (!applySchemaOnStart) o.AutoBuildMessageStorageOnStartup = AutoCreate.None;
    // Tally batches are evaluated one at a time, in the order they were committed.
    o.LocalQueueFor<TallyBatchLanded>().UseDurableInbox().Sequential();
    // One brand's 09:00 run at a time, so a duplicate wake-up finds the day already reported.
    o.LocalQueueFor<EventHr.Api.Reports.Daily.DailyReportsDue>().UseDurableInbox().Sequential();
    o.LocalQueueFor<EventHr.Api.Reports.Daily.DailyReportsOwed>().UseDurableInbox().Sequential();
    o.LocalQueueFor<EventHr.Api.Alerts.AlertSweepDue>().UseDurableInbox().Sequential();
    // A receiver that is down gets the message when it returns: quick retries, then back-off over hours.
    // Many at once: a receiver that is slow or down must not hold up the deliveries to the others.
    o.LocalQueueFor<EventHr.Api.Notifications.DeliverWebhook>().UseDurableInbox().MaximumParallelMessages(16);
    o.OnException<EventHr.Api.Notifications.WebhookRejected>().Or<HttpRequestException>().Or<TaskCanceledException>()
        .RetryWithCooldown(200.Milliseconds(), 500.Milliseconds())
        .Then.ScheduleRetry(5.Seconds(), 30.Seconds(), 2.Minutes(), 10.Minutes(), 1.Hours(), 6.Hours());
    // A database that is away for a moment (a restart, a fail-over) is waited out: no message is dead-lettered for it.
    // Only transient failures: a bad statement (a PostgresException that is not transient) still fails at once.
    // The same judgement as the 503 answers: Marten wraps what Npgsql throws, so the chain of causes is searched.
    o.OnException(ExceptionProblems.DatabaseUnavailable)
        .RetryWithCooldown(1.Seconds(), 3.Seconds())
        .Then.ScheduleRetryIndefinitely(5.Seconds(), 15.Seconds(), 30.Seconds(), 1.Minutes(), 5.Minutes());
    // Two writers racing on one stream (a case opened by two nodes, a decision during an assessment): retry on fresh state.
    o.OnException<ConcurrencyException>().RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds());
    o.OnException<ExistingStreamIdCollisionException>().RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds());
});

// "schema apply" (./ops/run, ./ops/test): the owner applies the schema and the runtime role's grants, then exits.
if (args is ["schema", "apply"])
{
    await using var owner = builder.Build();
    return await EventHr.Api.Infrastructure.Database.SchemaApply.RunAsync(owner.Services, builder.Configuration, CancellationToken.None);
}

// "aggregates rebuild" (./ops/projections rebuild, after the profiles and the ledger): computes the group views'
// aggregates again from the whole ledger in one pass and moves their subscription past the last event (stop the API first).
if (args is ["aggregates", "rebuild"])
{
    await using var host = builder.Build();
    await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
    var staff = await session.Query<EventHr.Domain.Staff.Employee>().ToListAsync();
    var standards = (await session.Query<EventHr.Domain.Standards.Standard>().ToListAsync()).ToDictionary(s => (s.BrandId, s.PostId));
    await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var result = await new EventHr.Projections.Tallies.GroupAggregatesRebuild(schema)
        .RunAsync(dataSource, staff, (b, p) => standards.GetValueOrDefault((b, p)), CancellationToken.None);
    Console.WriteLine($"Rebuilt the group aggregates: {result.Rows} ledger rows, {result.Facts} employee-days in {sw.ElapsedMilliseconds} ms "
                      + $"({result.Rows * 1000 / Math.Max(1, sw.ElapsedMilliseconds)} rows/s), up to event {result.LastEvent}");
    return 0;
}

builder.Services.AddWolverineHttp();
builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.Converters.Add(new EventHr.Api.Infrastructure.Input.StoredTextConverter());
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddEventHrAuth(builder.Configuration, builder.Environment);
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddEventHrServices(schema, connectionString, builder.Configuration);
builder.Services.AddSingleton(CaseSettings.From(builder.Configuration));
builder.Services.AddEventHrSwagger();
builder.Services.AddEventHrRateLimits(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCorrelationIds();
app.UseSafeRequestLine();
app.UseDashboard();
app.UseAuthentication();
app.UseLogScopes();
app.UseAuthorization();
app.UseRateLimiter();
// The contract is docs/openapi.json. The live document is an endpoint like the others, so outside Development it
// needs a token; the UI that reads it without one is a Development aid only.
var liveContract = app.MapSwagger();
if (app.Environment.IsDevelopment())
{
    liveContract.AllowAnonymous();
    app.UseSwaggerUI();
}
app.MapDevelopmentTokens();
app.MapWolverineEndpoints(o =>
{
    o.AddPolicy<RequireBody>();
    o.AddPolicy<ProblemAnswers>();
    o.AddMiddleware(typeof(RequestAudit));
});

return await app.RunJasperFxCommands(args);

public partial class Program;
