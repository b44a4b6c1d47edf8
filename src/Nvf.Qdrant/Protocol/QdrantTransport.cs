using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Nvf.Qdrant.Protocol;

/// <summary>
/// Sends one REST call with a per-attempt timeout and bounded retries: connection errors, timeouts, 5xx answers,
/// 408 (Qdrant's answer to a distributed update that timed out) and 429 (strict-mode rate limits) are retried with
/// exponential backoff, never sooner than the answer's Retry-After; other 4xx answers are final and carry Qdrant's
/// status.error text (or the plain text Qdrant's authentication layer answers). Every call is safe to repeat
/// (upserts overwrite by id; a create whose first answer was lost is settled by the client).
/// </summary>
internal sealed class QdrantTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly QdrantClientOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public QdrantTransport(QdrantClientOptions options, HttpMessageHandler? handler, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        _options = options;
        _delay = delay ?? Task.Delay;
        string root = options.BaseAddress.AbsoluteUri;
        // Relative paths resolve under the base only when it ends with '/' (a proxy prefix survives).
        var baseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
        // The per-attempt token below is the timeout; HttpClient's own would count all retries together.
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends the call and returns the parsed body of a 2xx answer (the caller disposes it).</summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, string relativePath, byte[]? body, CancellationToken cancellationToken)
    {
        string operation = $"{method} /{relativePath}";
        for (int attempt = 1; ; attempt++)
        {
            using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptToken.CancelAfter(_options.RequestTimeout);
            HttpStatusCode? status = null;
            string? serverError = null;
            TimeSpan? retryAfter = null;
            Exception? cause = null;
            string what;
            try
            {
                using var request = new HttpRequestMessage(method, relativePath);
                if (body is not null)
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                if (_options.ApiKey is not null)
                    request.Headers.TryAddWithoutValidation("api-key", _options.ApiKey);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken.Token).ConfigureAwait(false);
                byte[] answer = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return ParseSuccess(operation, response.StatusCode, answer, attempt);
                status = response.StatusCode;
                serverError = QdrantResponseReader.ErrorText(answer);
                what = $"answered {(int)status} {status}: {serverError}";
                if ((int)status < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
                    throw new QdrantException($"{operation} {what}", operation, status, serverError, attempt);
                retryAfter = RetryAfter(response);
                if (retryAfter > _options.MaxRetryAfter)
                    throw new QdrantException($"{operation} {what}; it asks to retry after {retryAfter.Value.TotalSeconds:0} s, longer than the {_options.MaxRetryAfter.TotalSeconds:0} s this client waits (MaxRetryAfter)", operation, status, serverError, attempt);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                cause = e;
                what = $"timed out after {_options.RequestTimeout.TotalMilliseconds:0} ms";
            }
            catch (HttpRequestException e)
            {
                cause = e;
                what = $"connection error: {e.Message}";
            }
            if (attempt > _options.MaxRetries)
                throw new QdrantException($"{operation} failed after {attempt} attempt(s); last: {what}", operation, status, serverError, attempt, cause);
            var backoff = RetrySchedule.DelayAfter(attempt, _options.InitialBackoff, _options.MaxBackoff);
            await _delay(retryAfter > backoff ? retryAfter.Value : backoff, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One GET /readyz without retries: null when ready, else why not.</summary>
    public async Task<string?> ProbeReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptToken.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "readyz");
            if (_options.ApiKey is not null)
                request.Headers.TryAddWithoutValidation("api-key", _options.ApiKey);
            using var response = await _http.SendAsync(request, attemptToken.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return null;
            byte[] answer = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
            return $"/readyz answered {(int)response.StatusCode}: {QdrantResponseReader.ErrorText(answer)}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"/readyz did not answer within {timeout.TotalMilliseconds:0} ms";
        }
        catch (HttpRequestException e)
        {
            return $"/readyz connection error: {e.Message}";
        }
    }

    public void Dispose() => _http.Dispose();

    // Retry-After as delta-seconds or an HTTP date; null when absent.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: TimeSpan delta } => delta,
        { Date: DateTimeOffset date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static JsonDocument ParseSuccess(string operation, HttpStatusCode status, byte[] answer, int attempt)
    {
        try
        {
            return JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            string start = QdrantResponseReader.ErrorText(answer);
            throw new QdrantException($"{operation} answered {(int)status} with a body that is not JSON: {start}", operation, status, start, attempt, e);
        }
    }
}
