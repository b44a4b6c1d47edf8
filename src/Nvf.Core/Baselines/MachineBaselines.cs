using System.Security.Cryptography;
using System.Text;
using Nvf.Core.History;
using Nvf.Core.Provenance;

namespace Nvf.Core.Baselines;

/// <summary>
/// Timings accepted per machine: fixtures/baselines/machines/&lt;name&gt;-&lt;machine&gt;.json holds the timing metrics of one run on
/// one machine fingerprint (CPU, BLAS kernel, cores). Timings are only compared on the machine that measured them; the shared
/// baseline carries the figures, and a CI machine gets its own timings with `nvf baseline accept --for-this-machine`.
/// </summary>
public static class MachineBaselines
{
    /// <summary>The folder under the baselines folder.</summary>
    public const string FolderName = "machines";

    /// <summary>The file of baseline <paramref name="name"/> for <paramref name="machine"/>: its name and a short hash of the fingerprint.</summary>
    /// <param name="repositoryRoot">The repository's root folder.</param>
    /// <param name="name">The baseline's name ("gate").</param>
    /// <param name="machine">The machine.</param>
    public static string PathFor(string repositoryRoot, string name, MachineFingerprint machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(machine.Describe()))).ToLowerInvariant()[..12];
        return Path.Combine(Path.GetDirectoryName(Baseline.PathFor(repositoryRoot, name))!, FolderName, $"{name}-{hash}.json");
    }

    /// <summary>Accepts the timings of <paramref name="run"/> for the machine it ran on (keeping tolerances already accepted there).</summary>
    /// <param name="run">A recorded run with timing metrics and a machine fingerprint.</param>
    /// <param name="repositoryRoot">The repository's root folder.</param>
    /// <param name="name">The baseline's name.</param>
    /// <param name="acceptedUtc">When.</param>
    /// <returns>The file written and the baseline in it.</returns>
    public static (string Path, Baseline Baseline) Accept(RunRecord run, string repositoryRoot, string name, DateTimeOffset acceptedUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        var machine = run.Provenance.Fingerprint
            ?? throw new ArgumentException($"Run {run.RunId} has no machine fingerprint (recorded by an older version); run `nvf gate` again on this machine.", nameof(run));
        var timings = run.Metrics.Where(m => m.EffectiveKind == MetricKind.Timing).ToList();
        if (timings.Count == 0)
        {
            throw new ArgumentException($"Run {run.RunId} recorded no timing; expected a run of the features that time their training (an unfiltered `nvf gate`).", nameof(run));
        }

        var path = PathFor(repositoryRoot, name, machine);
        var previous = File.Exists(path) ? Baseline.Load(path) : null;
        var baseline = BaselineAcceptance.Accept(run with { Metrics = timings }, previous, name, acceptedUtc).Baseline with { Fingerprint = machine };
        baseline.Save(path);
        return (path, baseline);
    }

    /// <summary>
    /// The baseline a run on <paramref name="machine"/> is compared with: <paramref name="shared"/> when no timings were accepted
    /// for this machine; else the shared figures with this machine's timings in place of the shared ones (and its fingerprint,
    /// so they are compared).
    /// </summary>
    /// <param name="shared">The shared baseline.</param>
    /// <param name="repositoryRoot">The repository's root folder.</param>
    /// <param name="machine">This run's machine, or null when unknown.</param>
    public static Baseline ForMachine(Baseline shared, string repositoryRoot, MachineFingerprint? machine)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (machine is null || shared.Fingerprint is { } own && machine.Difference(own) is null)
        {
            return shared;
        }

        var path = PathFor(repositoryRoot, shared.Name, machine);
        if (!File.Exists(path))
        {
            return shared;
        }

        var local = Baseline.Load(path);
        if (machine.Difference(local.Fingerprint) is { } difference)
        {
            throw new BaselineFormatException($"{path}: accepted for another machine ({difference}); expected the fingerprint its name was made from. Accept it again with `nvf baseline accept --for-this-machine`.");
        }

        var metrics = shared.Metrics.Where(m => m.Value.EffectiveKind != MetricKind.Timing)
            .Concat(local.Metrics.Where(m => m.Value.EffectiveKind == MetricKind.Timing))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        return shared with { Fingerprint = machine, Metrics = metrics };
    }
}
