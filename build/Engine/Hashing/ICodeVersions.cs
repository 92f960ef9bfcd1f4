namespace Pipeline.Engine.Hashing;

/// <summary>Gives the code version of a stage's type.</summary>
internal interface ICodeVersions
{
    string Of(Type stageType);

    void Save();
}
