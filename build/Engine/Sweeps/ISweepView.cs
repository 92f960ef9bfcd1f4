namespace Pipeline.Engine.Sweeps;

/// <summary>What the user sees while a sweep runs: lines in a log or a pipe (<see cref="SweepProgress"/>), a live table on a terminal.</summary>
internal interface ISweepView
{
    /// <summary>Points an earlier run of this sweep finished: counted as done.</summary>
    void Earlier(int count);

    void Started(SweepPoint point);

    void Finished(PointResult result);

    /// <summary>A line from the executor or the sweep (a job submitted, a wait), shown with the progress.</summary>
    void Say(string line);

    /// <summary>Shows the view around the run <paramref name="body"/> makes (a live table holds the terminal meanwhile).</summary>
    void Around(Action body);
}
