// Swagger UI for Quartermaster's OpenAPI document. A file of its own because the
// Content-Security-Policy allows no inline script. validatorUrl: null keeps the page from loading
// the public validator's badge (another origin, refused by the policy anyway).
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null
});
