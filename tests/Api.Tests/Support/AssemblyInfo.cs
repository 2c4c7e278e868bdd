[assembly: EventHr.Api.Tests.Support.FailOnDroppedEnvelopes]
