/** The platform API's common ground: HTTP Basic with shop ID and key, scopes, throttling, problem details, OpenAPI. */
package jp.juchu.shop.api;
