import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { PlatformModule, type PlatformOptions } from '@lib/platform';

/** The api process: commands and queries over HTTP. Feature modules plug in here. */
@Module({})
export class ApiModule {
  static forRoot(options: PlatformOptions & { features?: DynamicModule['imports'] }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.config.LOG_LEVEL,
            // Tokens, cookies, voting codes and ballot receipts never reach the logs.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-voting-code"]', 'req.body'], remove: true },
            autoLogging: { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' },
            quietReqLogger: true,
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0]!.replace(/\/receipts\/[^/]+/, '/receipts/:receipt') }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        PlatformModule.forRoot(options),
        CqrsModule.forRoot(),
        ...(options.features ?? []),
      ],
    };
  }
}
