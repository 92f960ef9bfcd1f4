using Pipeline.Stages.Train;

namespace Pipeline.Stages.Features;

/// <summary>
/// What Features wrote, loaded once: the fitted preprocessing and the train and test matrices (in the
/// preprocessing's class order), and, for the stages after Train, the model. Train, Evaluate and Embed open with it.
/// </summary>
public sealed record FeatureSet(Preprocessing Preprocessing, FeatureMatrix Train, FeatureMatrix Test)
{
    /// <summary>The files behind it: data/features and models/preprocessing.json.</summary>
    public sealed record Paths(string FeaturesFolder, string PreprocessingFile);

    public static FeatureSet Load(Paths paths, bool withTest = true)
    {
        var preprocessing = Preprocessing.Load(paths.PreprocessingFile);
        var train = FeatureMatrix.Load(Path.Combine(paths.FeaturesFolder, FeatureBuilder.TrainFile), preprocessing.Classes);
        var test = withTest ? FeatureMatrix.Load(Path.Combine(paths.FeaturesFolder, FeatureBuilder.TestFile), preprocessing.Classes) : train with
        {
            Values = [],
            Labels = [],
            Tracks = [],
        };
        return new FeatureSet(preprocessing, train, test);
    }

    /// <summary>The set with the model Train saved in <paramref name="modelFolder"/>.</summary>
    public static (FeatureSet Features, IClassifier Model) LoadWithModel(Paths paths, string modelFolder, int seed) =>
        (Load(paths), ModelStore.Load(modelFolder, seed));
}
