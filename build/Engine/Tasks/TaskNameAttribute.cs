namespace Pipeline.Engine.Tasks;

/// <summary>Overrides the task name derived from the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
