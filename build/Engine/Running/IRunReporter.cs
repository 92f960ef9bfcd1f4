using Pipeline.Engine.Planning;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>How a run talks to the person watching it; the engine decides nothing here.</summary>
internal interface IRunReporter
{
    void Deciding(Stage stage, Decision decision);

    /// <summary>Runs <paramref name="work"/> while showing the stage's progress.</summary>
    void Running(Stage stage, Action<StageProgress> work);

    void Log(Stage stage, string message);

    void Warn(string message);

    /// <summary>Something worth a line that is not a warning (e.g. housekeeping done).</summary>
    void Notice(string message)
    {
    }

    void Finished(StageResult result);
}
