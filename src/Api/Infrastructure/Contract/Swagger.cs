using System.Reflection;
using Microsoft.OpenApi;

namespace EventHr.Api.Infrastructure.Contract;

public static class Swagger
{
    public static IServiceCollection AddEventHrSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "EventHr API",
                Version = "v1",
                Description = "HR performance and labour-compliance backend. Every request but /health carries a bearer token (./ops/token)."
            });
            c.IncludeXmlComments(Assembly.GetExecutingAssembly());
            c.CustomSchemaIds(t => t.FullName!.Replace("EventHr.", "").Replace("+", "."));
            c.SchemaFilter<RequestExamples>();
            c.OperationFilter<Tallies.TallyBatchDocs>();
            c.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from ./ops/token --role hr --sub hr-li"
            });
            c.AddSecurityRequirement(doc => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", doc)] = []
            });
        });
        return services;
    }
}
