using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Train;

/// <summary>A feature matrix as an ML.NET data view: a float vector "Features", and "Label" (bool for two people, a class index otherwise).</summary>
internal static class MlNetData
{
    public static IDataView Load(MLContext context, FeatureMatrix matrix)
    {
        var binary = matrix.Classes.Length == 2;
        var rows = Enumerable.Range(0, matrix.Rows).Select(r => new Row
        {
            Features = matrix.Row(r).ToArray().Select(v => (float)v).ToArray(),
            Label = matrix.Labels[r],
            IsSecond = matrix.Labels[r] == 1,
        });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Columns);
        var view = context.Data.LoadFromEnumerable(rows, schema);
        return binary
            ? context.Transforms.CopyColumns("Label", nameof(Row.IsSecond)).Fit(view).Transform(view)
            : context.Transforms.Conversion.MapValueToKey("Label", "ClassIndex", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
                .Fit(view).Transform(view);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        [ColumnName("ClassIndex")]
        public float Label { get; set; }

        public bool IsSecond { get; set; }
    }
}
