using Xunit;
using Xunit.Abstractions;

namespace Nvf.Gherkin.Tests.Support;

/// <summary>A source provider that knows nothing: scenario test cases carry their own feature file and line.</summary>
public sealed class NoSourceInformation : LongLivedMarshalByRefObject, ISourceInformationProvider
{
    public ISourceInformation? GetSourceInformation(ITestCase testCase) => null;

    public void Dispose()
    {
    }
}
