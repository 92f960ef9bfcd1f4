using Pipeline.Engine.Hashing;

namespace Pipeline.Tests.Engine;

public sealed class HashingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hashing-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_file_with_unchanged_size_and_mtime_is_not_read_again()
    {
        var file = Path.Combine(root, "big.bin");
        File.WriteAllText(file, "aaaa");
        var stamp = File.GetLastWriteTimeUtc(file);
        var memoFile = Path.Combine(root, "memo.tsv");
        var first = new ContentHasher(root, HashMemo.Load(memoFile));
        var before = first.TryHash("big.bin")!.Hash;
        first.Memo.Save();

        File.WriteAllText(file, "bbbb");
        File.SetLastWriteTimeUtc(file, stamp);
        var remembered = new ContentHasher(root, HashMemo.Load(memoFile)).TryHash("big.bin")!.Hash;
        File.SetLastWriteTimeUtc(file, stamp.AddSeconds(1));
        var reread = new ContentHasher(root, HashMemo.Load(memoFile)).TryHash("big.bin")!.Hash;

        Assert.Equal(before, remembered);
        Assert.NotEqual(before, reread);
        Assert.Equal(ContentHasher.HashText("bbbb"), reread);
    }

    [Fact]
    public void A_folder_hash_depends_on_its_file_names_and_contents_not_on_creation_order()
    {
        Directory.CreateDirectory(Path.Combine(root, "a/sub"));
        Directory.CreateDirectory(Path.Combine(root, "b/sub"));
        File.WriteAllText(Path.Combine(root, "a/sub/2.txt"), "two");
        File.WriteAllText(Path.Combine(root, "a/1.txt"), "one");
        File.WriteAllText(Path.Combine(root, "b/1.txt"), "one");
        File.WriteAllText(Path.Combine(root, "b/sub/2.txt"), "two");
        var hasher = new ContentHasher(root, HashMemo.InMemory());

        var a = hasher.TryHash("a")!;
        var b = hasher.TryHash("b")!;
        File.Move(Path.Combine(root, "b/1.txt"), Path.Combine(root, "b/one.txt"));

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(["1.txt", "sub/2.txt"], a.Files.Select(f => f.RelativePath));
        Assert.NotEqual(a.Hash, hasher.TryHash("b")!.Hash);
        Assert.Null(hasher.TryHash("nothing"));
    }
}
