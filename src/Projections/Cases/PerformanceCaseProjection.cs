using EventHr.Domain.Cases;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Cases;

/// <summary>The current state of each case (stream "case:{caseId}"), queryable by employee, department and status.</summary>
public partial class PerformanceCaseProjection : SingleStreamProjection<PerformanceCase, string>
{
    public PerformanceCase Create(PerformanceCaseOpened e) => PerformanceCase.Create(e);
    public PerformanceCase Apply(WarningRaised e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(BreachAttached e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(ConversationNoted e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipDrafted e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipSet e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipAcknowledged e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipAssessed e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipPassed e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PipExtended e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(IncompetenceFound e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(TrainingAssigned e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(TrainingCompleted e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(EmployeeReassigned e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(PayAdjusted e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(AssessmentDataMissing e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(EmploymentTerminated e, PerformanceCase c) => c.Apply(e);
    public PerformanceCase Apply(ProbationDismissed e, PerformanceCase c) => c.Apply(e);
}
