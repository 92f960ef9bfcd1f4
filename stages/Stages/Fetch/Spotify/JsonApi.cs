using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>A JSON answer, or the status that stood for "none" (403, 404), which callers turn into their own message.</summary>
public sealed record JsonAnswer(HttpStatusCode Status, JsonDocument? Body) : IDisposable
{
    public void Dispose() => Body?.Dispose();
}

/// <summary>GET of JSON over <see cref="ResilientHttp"/>, with a person's bearer token and one refresh on 401.</summary>
public sealed class JsonApi(ResilientHttp http)
{
    /// <summary>The body of a 2xx; a 403 or 404 without body; any other status, after retries, is an error naming the endpoint.</summary>
    public async Task<JsonAnswer> Get(string url, string endpoint, UserBearer? bearer, CancellationToken cancel)
    {
        var token = bearer is null ? null : await bearer.Current(cancel).ConfigureAwait(false);
        var response = await Send(url, endpoint, token, cancel).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && bearer is not null)
        {
            response.Dispose();
            token = await bearer.Renew(token!, cancel).ConfigureAwait(false);
            response = await Send(url, endpoint, token, cancel).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw SpotifyErrors.Rejected(bearer.User, endpoint);
            }
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                return new JsonAnswer(response.StatusCode, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw SpotifyErrors.Failed(endpoint, response.StatusCode, 1);
            }
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
                return new JsonAnswer(response.StatusCode, await JsonDocument.ParseAsync(stream, cancellationToken: cancel).ConfigureAwait(false));
            }
            catch (JsonException e)
            {
                throw SpotifyErrors.Malformed(endpoint, $"not JSON: {e.Message}");
            }
        }
    }

    private Task<HttpResponseMessage> Send(string url, string endpoint, string? token, CancellationToken cancel) =>
        http.Send(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return request;
        }, endpoint, cancel);
}
