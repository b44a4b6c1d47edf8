using FluentAssertions;
using Nvf.Core.Provenance;
using Xunit;

namespace Nvf.Core.Tests.Provenance;

public sealed class ProcessStatusTests
{
    [Fact]
    public void Fields_are_read_from_this_process_status()
    {
        ProcessStatus.Field("Pid:").Should().Be(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProcessStatus.Field("NoSuchField:").Should().BeNull();
        ProcessStatus.Ignores(9).Should().BeFalse("SIGKILL cannot be ignored");
        FluentActions.Invoking(() => ProcessStatus.Ignores(0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
