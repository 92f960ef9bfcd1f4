using System.Reflection;

namespace Pipeline.Engine.Tasks;

internal static class TaskNaming
{
    public static string FromType(Type type)
    {
        var explicitName = type.GetCustomAttribute<TaskNameAttribute>()?.Name;
        if (explicitName is not null)
        {
            return explicitName;
        }
        var name = type.Name;
        return name.EndsWith("Task", StringComparison.Ordinal) && name.Length > 4 ? name[..^4] : name;
    }
}
