/** The response body exceeded the client's limit. */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response exceeded ${maxBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}
