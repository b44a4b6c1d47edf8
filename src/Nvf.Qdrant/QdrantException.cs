using System.Net;

namespace Nvf.Qdrant;

/// <summary>
/// A Qdrant request that failed for good: a 4xx answer (with Qdrant's own error text), or a
/// connection error, timeout or 5xx answer that persisted through every retry.
/// </summary>
public class QdrantException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> (e.g. "PUT /collections/c/points").</summary>
    public QdrantException(string message, string operation, HttpStatusCode? statusCode, string? serverError, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ServerError = serverError;
        Attempts = attempts;
    }

    /// <summary>HTTP method and path of the failed request.</summary>
    public string Operation { get; }

    /// <summary>The last HTTP status received, or null when no answer came (connection error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Qdrant's <c>status.error</c> text, or the start of a non-JSON body; null when no answer came.</summary>
    public string? ServerError { get; }

    /// <summary>Attempts made, 1 + retries used.</summary>
    public int Attempts { get; }
}
