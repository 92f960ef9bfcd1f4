namespace Pipeline.Engine.Tasks;

/// <summary>The params.yaml keys a task reads, e.g. <c>[Params("seed", "train")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ParamsAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
