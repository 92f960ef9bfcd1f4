using Pipeline.Engine.Sweeps.Slurm;

namespace Pipeline.Tests.Sweeps;

/// <summary>A job array's task states as Slurm prints them: scontrol's one line a task (pending ranges folded), sacct's lines.</summary>
public sealed class SlurmStateTests
{
    [Fact]
    public void Scontrol_lines_give_each_task_its_state_and_exit_code_and_a_pending_range_each_of_its_tasks()
    {
        const string output = """
            JobId=2 ArrayJobId=1 ArrayTaskId=0 ArrayTaskThrottle=2 JobName=sweep-x JobState=COMPLETED Reason=None ExitCode=0:0 RunTime=00:00:02
            JobId=3 ArrayJobId=1 ArrayTaskId=1 ArrayTaskThrottle=2 JobName=sweep-x JobState=FAILED Reason=NonZeroExitCode ExitCode=2:0
            JobId=4 ArrayJobId=1 ArrayTaskId=2 JobName=sweep-x JobState=CANCELLED Reason=None ExitCode=0:15
            JobId=1 ArrayJobId=1 ArrayTaskId=3-5,7%2 JobName=sweep-x JobState=PENDING Reason=JobArrayTaskLimit ExitCode=0:0
            """;

        var tasks = ArrayTasks.Parse(output);

        Assert.Equal(("COMPLETED", 0), tasks[0]);
        Assert.Equal(("FAILED", 2), tasks[1]);
        Assert.Equal(("CANCELLED", 0), tasks[2]);
        Assert.Equal([3, 4, 5, 7], tasks.Where(t => t.Value.State == "PENDING").Select(t => t.Key).Order());
        Assert.DoesNotContain(6, tasks.Keys);
    }

    [Fact]
    public void Sacct_lines_give_the_same_and_a_cancel_keeps_only_its_state_word()
    {
        var tasks = ArrayTasks.ParseAccounting("41_0|COMPLETED|0:0\n41_1|CANCELLED by 0|0:15\n41_[2-3]|PENDING|0:0\n41|RUNNING|0:0\n");

        Assert.Equal(("COMPLETED", 0), tasks[0]);
        Assert.Equal(("CANCELLED", 0), tasks[1]);
        Assert.Equal(("PENDING", 0), tasks[3]);
        Assert.Equal(4, tasks.Count);
    }
}
