// The API reference page: Swagger UI over the service's own OpenAPI document. "Try it out" is off:
// the page documents; calls are made by clients with their own credentials.
window.SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  supportedSubmitMethods: [],
});
