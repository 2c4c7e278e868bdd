using System.Linq.Expressions;
using System.Reflection;

namespace EventHr.Domain.Events;

/// <summary>
/// A state folded from its events by its own methods: <c>static T Create(TEvent)</c> starts it and
/// <c>T Apply(TEvent)</c> moves it on, the same methods Marten's snapshots use. Replaying history "as
/// of" an instant, or deciding on a state just decided, then cannot drift from the stored document.
/// </summary>
public static class Fold<T> where T : class
{
    private static readonly Dictionary<Type, Func<T?, object, T?>> Steps = Build();

    /// <summary>The event types this state is built from.</summary>
    public static IReadOnlyCollection<Type> EventTypes => Steps.Keys;

    public static T? Apply(T? state, object e) => Steps.TryGetValue(e.GetType(), out var step) ? step(state, e) : state;

    public static T? Replay(IEnumerable<object> events) => events.Aggregate((T?)null, Apply);

    private static Dictionary<Type, Func<T?, object, T?>> Build()
    {
        var methods = typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.Name is "Create" or "Apply" && m.ReturnType == typeof(T) && m.GetParameters().Length == 1).ToList();
        var steps = new Dictionary<Type, Func<T?, object, T?>>();
        foreach (var type in methods.Select(m => m.GetParameters()[0].ParameterType).Distinct())
        {
            var create = methods.SingleOrDefault(m => m is { Name: "Create", IsStatic: true } && m.GetParameters()[0].ParameterType == type);
            var apply = methods.SingleOrDefault(m => m is { Name: "Apply", IsStatic: false } && m.GetParameters()[0].ParameterType == type);
            var (creating, applying) = (Compile(create), Compile(apply));
            steps[type] = (state, e) => state is null ? creating?.Invoke(null, e) : applying is null ? state : applying(state, e);
        }
        return steps;
    }

    private static Func<T?, object, T?>? Compile(MethodInfo? method)
    {
        if (method is null) return null;
        var state = Expression.Parameter(typeof(T), "state");
        var e = Expression.Parameter(typeof(object), "e");
        var argument = Expression.Convert(e, method.GetParameters()[0].ParameterType);
        Expression call = method.IsStatic ? Expression.Call(method, argument) : Expression.Call(state, method, argument);
        return Expression.Lambda<Func<T?, object, T?>>(call, state, e).Compile();
    }
}
