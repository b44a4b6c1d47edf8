namespace Nvf.Core.Tests.Teacher;

/// <summary>A fresh empty folder under the temp folder, deleted with everything in it on dispose.</summary>
sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nvf-teacher-test-{Guid.NewGuid():N}")).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
