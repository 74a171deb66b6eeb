using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LiveTrack.Server.Hosting;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: every REST endpoint, the API-key security scheme (header
/// <c>X-Api-Key</c> or <c>Authorization: Bearer</c>) on the operations that need it, the problem-details responses
/// each can give, examples of fences and rules, and the health endpoints. In Development a Scalar reference page
/// at <c>/scalar</c> browses it.
/// </summary>
public static class LiveTrackOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";
    private const string ProblemContentType = "application/problem+json";

    public static IServiceCollection AddLiveTrackOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(Secure);
        });

    public static WebApplication MapLiveTrackOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }

    private static async Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "LiveTrack";
        document.Info.Description = "Real-time flight tracking: aircraft, feeds, geofences, alert rules and alerts. Errors are RFC 7807 problem details. "
            + "The SignalR hub /hubs/tracking (JSON and MessagePack protocols) is described in the README.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "One of LiveTrack:Api:Keys (the embedded default logs a generated key at start).",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as Authorization: Bearer <key> (and as access_token on the hub).",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[nameof(ProblemDetails)] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        document.Components.Schemas[nameof(HttpValidationProblemDetails)] = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), cancellationToken: cancellationToken);

        document.Paths ??= [];
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                AddProblems(document, path, method, operation);
                AddExamples(path, method, operation);
            }
        }

        AddHealth(document, "/health/live", "200 while the process serves requests.");
        AddHealth(document, "/health/ready", "200 when this server's silo is an active cluster member, 503 otherwise.");
    }

    private static void AddProblems(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= [];
        var hasInput = path.Contains('{', StringComparison.Ordinal) || operation.Parameters is { Count: > 0 } || operation.RequestBody is not null;
        if (hasInput)
        {
            Problem(document, operation, StatusCodes.Status400BadRequest, "Invalid input: `errors` names each offending field.", validation: true);
        }

        Problem(document, operation, StatusCodes.Status401Unauthorized, "No valid API key (writes; reads too when LiveTrack:Api:AnonymousReads is false).");
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Problem(document, operation, StatusCodes.Status404NotFound, "Not found.");
        }

        if (operation.RequestBody is not null)
        {
            if (method == HttpMethod.Post)
            {
                Problem(document, operation, StatusCodes.Status409Conflict, "The id exists.");
            }

            Problem(document, operation, StatusCodes.Status413PayloadTooLarge, "The body is over the limit.");
        }
    }

    private static void Problem(OpenApiDocument document, OpenApiOperation operation, int status, string description, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(validation ? nameof(HttpValidationProblemDetails) : nameof(ProblemDetails), document) },
            },
        };
    }

    private static void AddExamples(string path, HttpMethod method, OpenApiOperation operation)
    {
        var example = (path, method.Method) switch
        {
            ("/api/geofences", "POST") or ("/api/geofences/{id}", "PUT") => FenceExample,
            ("/api/rules", "POST") or ("/api/rules/{id}", "PUT") => RuleExample,
            _ => null,
        };
        if (example is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var media in content.Values)
        {
            media.Example = JsonNode.Parse(example);
        }
    }

    private static void AddHealth(OpenApiDocument document, string path, string description)
    {
        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation
        {
            Summary = description,
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "Healthy" },
                ["503"] = new OpenApiResponse { Description = "Unhealthy" },
            },
        });
        document.Paths.Add(path, item);
    }

    /// <summary>Writer endpoints require a key; reader endpoints accept one (and require it without anonymous reads).</summary>
    private static Task Secure(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet(StringComparer.Ordinal);
        if (policies.Count == 0)
        {
            return Task.CompletedTask;
        }

        var anonymousReads = context.ApplicationServices.GetRequiredService<IOptions<ApiAccessOptions>>().Value.AnonymousReads;
        var optional = !policies.Contains(ApiKeyAuthenticationHandler.WriterPolicy) && anonymousReads;
        operation.Security = [];
        if (optional)
        {
            operation.Security.Add(new OpenApiSecurityRequirement());
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        return Task.CompletedTask;
    }

    private const string FenceExample = """
        { "type": "Feature", "id": "airbase-10nm",
          "geometry": { "type": "Point", "coordinates": [-110.93, 27.92] },
          "properties": { "name": "10 nm around the airbase, below 5,000 ft", "radiusNm": 10, "ceilingFt": 5000, "tags": ["airbase"] } }
        """;

    private const string RuleExample = """
        { "id": "us-military-enters-mexico-12nm", "name": "US military aircraft enters the 12 nm zone",
          "trigger": { "kind": "geofence", "fenceId": "mexico-12nm-sinaloa", "events": ["entered"] },
          "filter": { "icao": ["ae0000-afffff"], "military": true },
          "cooldownSeconds": 600,
          "webhooks": [{ "url": "https://hooks.example.com/livetrack", "secret": "at least 16 characters" }] }
        """;
}
