namespace Pipeline.Engine.Tasks;

/// <summary>The one line --help and --description show for a task, as Cake's [TaskDescription].</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
