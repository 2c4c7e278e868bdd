using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Infrastructure.Input;

/// <summary>
/// A JSON body of <c>null</c> reads as a null request and would reach the endpoint as one. Every
/// endpoint whose body parameter is not declared nullable gets this check woven in before it runs
/// (registered before Wolverine's own ProblemDetails policy, which then stops the request on it).
/// </summary>
public sealed class RequireBody : IHttpPolicy
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (chain.RequestType is not { IsValueType: false } type) continue;
            var parameter = chain.Method.Method.GetParameters().FirstOrDefault(p => p.ParameterType == type);
            if (parameter is null || Nullability.Create(parameter).ReadState == NullabilityState.Nullable) continue;
            var check = typeof(BodyPresent<>).MakeGenericType(type).GetMethod(nameof(BodyPresent<object>.Validate))!;
            chain.Middleware.Insert(0, new MethodCall(check.DeclaringType!, check));
        }
    }
}

public static class BodyPresent<T> where T : class
{
    public static ProblemDetails Validate(T? body) => body is not null
        ? WolverineContinue.NoProblems
        : new ProblemDetails { Status = 400, Title = "Invalid request", Detail = "The request needs a JSON object as its body, not null." };
}
