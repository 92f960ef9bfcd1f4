using System.Reflection;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Tasks;

/// <summary>Finds the tasks of an assembly by convention and binds them to params.</summary>
internal static class TaskBinder
{
    /// <summary>Every task of the assembly; a task whose [Params] names a key the params type does not have is an error here.</summary>
    public static IReadOnlyList<PipelineTask<TParams>> Discover<TParams>(Assembly assembly) where TParams : class
    {
        var tasks = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(PipelineTask<TParams>).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (PipelineTask<TParams>)Activator.CreateInstance(t)!)
            .ToList();
        foreach (var task in tasks)
        {
            if (task.ParamKeys.FirstOrDefault(k => !Params.ParamKeyNames.Exists(typeof(TParams), k)) is { } unknown)
            {
                throw Errors.PipelineErrors.TaskParamsUnknown(task.Name, unknown, Params.ParamKeyNames.Under(typeof(TParams), "") ?? []);
            }
        }
        return tasks;
    }

    /// <summary>The task sees only the params it declares (<see cref="ParamsView"/>), in its deps and outs as in its run.</summary>
    public static Stage Bind<TParams>(PipelineTask<TParams> task, TParams all) where TParams : class
    {
        var parameters = ParamsView.Restrict(all, task.ParamKeys);
        var outs = task.Outs(parameters).Select(WorkspacePath.Normalize).ToList();
        return new Stage
        {
            Name = task.Name,
            ParamKeys = task.ParamKeys,
            Deps = task.Deps(parameters).Select(WorkspacePath.Normalize).ToList(),
            Outs = outs,
            Private = task.Private(parameters).Select(WorkspacePath.Normalize).ToList(),
            Metrics = task.Metrics(parameters).Select(WorkspacePath.Normalize).ToList(),
            AlwaysChanged = task.AlwaysChanged(parameters),
            ShowsChanges = task.ShowsChanges,
            CodeType = task.GetType(),
            Run = run => task.Run(new StageContext<TParams>(parameters, run)),
            Check = run => task.Check(new StageContext<TParams>(parameters, run)),
        };
    }
}
