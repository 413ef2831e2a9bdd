/**
 * A gRPC test double of an EventStoreDB single node, for tests only. It serves the service
 * definitions generated inside `@eventstore/db-client` (no hand-copied .proto) and implements what
 * our adapter calls: Streams.Read (streams, `$all`, `$all` subscriptions with filters), Append,
 * BatchAppend, Delete, Tombstone, ServerFeatures and Gossip. See docs/production.md for where it
 * differs from a real server.
 */
import * as grpc from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import gossipGrpc from '@eventstore/db-client/generated/gossip_grpc_pb.js';
import gossipPb from '@eventstore/db-client/generated/gossip_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import { randomUUID } from 'node:crypto';
import {
  DoubleStore,
  EXPECTED_ANY,
  EXPECTED_NO_STREAM,
  EXPECTED_STREAM_EXISTS,
  type CommitOutcome,
  type ProposedEvent,
  type StoredEvent,
} from './double-store.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
type Expression = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions.Expression>;
type RawProposed = InstanceType<typeof streamsPb.AppendReq.ProposedMessage> | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>;

export interface EsdbDoubleOptions {
  /** Advertise and serve Streams.BatchAppend like servers since 21.10 (default true); false makes the client use Streams.Append. */
  batchAppend?: boolean;
  /** Answer ServerFeatures.GetSupportedMethods (default true); false answers UNIMPLEMENTED like a 20.x server. */
  serverFeatures?: boolean;
}

/** The version string the double reports through ServerFeatures. */
export const DOUBLE_SERVER_VERSION = '24.10.0-test-double';

const UNAVAILABLE: Partial<grpc.StatusObject> = { code: grpc.status.UNAVAILABLE, details: 'The test double recovered from a hang' };

/** Events per filtered-subscription search window when the client asks for the default ("count"). */
const DEFAULT_SEARCH_WINDOW = 32;

export class EsdbDouble {
  readonly store = new DoubleStore();
  private server: grpc.Server | null = null;
  private boundPort = 0;
  private hanging = false;
  private readonly held = new Set<() => void>();
  private readonly wakers = new Set<() => void>();
  private readonly options: Required<EsdbDoubleOptions>;

  constructor(options: EsdbDoubleOptions = {}) {
    this.options = { batchAppend: options.batchAppend ?? true, serverFeatures: options.serverFeatures ?? true };
  }

  get port(): number {
    return this.boundPort;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** `esdb://127.0.0.1:<port>?tls=false`, plus any extra query parameters. */
  connectionString(extra = ''): string {
    if (!this.boundPort) throw new Error('The EventStoreDB double has not been started');
    return `esdb://127.0.0.1:${this.boundPort}?tls=false${extra ? `&${extra}` : ''}`;
  }

  /** Starts on the given port, or a random loopback port; after a stop, the same port and data by default. */
  async start(port = this.boundPort): Promise<number> {
    if (this.server) return this.boundPort;
    const server = new grpc.Server();
    server.addService(streamsGrpc.StreamsService, this.streamsImplementation());
    if (this.options.serverFeatures) server.addService(featuresGrpc.ServerFeaturesService, this.featuresImplementation());
    server.addService(gossipGrpc.GossipService, this.gossipImplementation());
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.server = server;
    return this.boundPort;
  }

  /** Kills the server like a crash: every connection and call is cut; the data stays for a restart. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const release of [...this.held]) release();
    this.held.clear();
    for (const wake of [...this.wakers]) wake();
    server.forceShutdown();
    await new Promise((resolve) => setImmediate(resolve));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start(this.boundPort);
  }

  /**
   * While on, the double accepts calls and never answers them (connections stay up). Turning it off
   * is a recovery: the calls held meanwhile fail with UNAVAILABLE, new calls are served.
   */
  hang(on = true): void {
    this.hanging = on;
    if (!on) {
      for (const release of [...this.held]) release();
      this.held.clear();
    }
  }

  private hold(end: () => void): void {
    this.held.add(end);
  }

  private streamsImplementation(): grpc.UntypedServiceImplementation {
    return {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => {
        if (this.hanging) return this.hold(() => call.emit('error', UNAVAILABLE));
        void this.read(call).catch((error: unknown) => call.emit('error', internalError(error)));
      },
      append: (call: grpc.ServerReadableStream<InstanceType<typeof streamsPb.AppendReq>, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (this.hanging) return this.hold(() => callback(UNAVAILABLE));
        const requests: InstanceType<typeof streamsPb.AppendReq>[] = [];
        call.on('data', (request: InstanceType<typeof streamsPb.AppendReq>) => requests.push(request));
        call.on('error', () => undefined);
        call.on('end', () => {
          try {
            const options = requests[0]?.getOptions();
            if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'Append: options first' });
            const stream = streamName(options.getStreamIdentifier());
            const expected = expectedFromCase(options.hasRevision() ? BigInt(options.getRevision()) : null, options.hasNoStream(), options.hasStreamExists());
            const events = requests.slice(1).map((r) => proposed(r.getProposedMessage()!));
            const outcome = this.store.append(stream, expected, events);
            callback(null, appendResponse(outcome, expected, stream));
          } catch (error) {
            callback(outcomeError(error, ''));
          }
        });
      },
      batchAppend: (call: grpc.ServerDuplexStream<InstanceType<typeof streamsPb.BatchAppendReq>, unknown>) => {
        if (this.hanging) return this.hold(() => call.emit('error', UNAVAILABLE));
        const pending = new Map<string, { options: InstanceType<typeof streamsPb.BatchAppendReq.Options>; events: ProposedEvent[] }>();
        call.on('error', () => undefined);
        call.on('end', () => call.end());
        call.on('data', (request: InstanceType<typeof streamsPb.BatchAppendReq>) => {
          if (this.hanging) return;
          const correlation = uuidString(request.getCorrelationId());
          const batch = pending.get(correlation) ?? { options: request.getOptions()!, events: [] };
          pending.set(correlation, batch);
          batch.events.push(...request.getProposedMessagesList().map(proposed));
          if (!request.getIsFinal()) return;
          pending.delete(correlation);
          call.write(this.batchAppend(request.getCorrelationId()!, batch.options, batch.events));
        });
      },
      delete: (call: grpc.ServerUnaryCall<InstanceType<typeof streamsPb.DeleteReq>, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (this.hanging) return this.hold(() => callback(UNAVAILABLE));
        const options = call.request.getOptions()!;
        const stream = streamName(options.getStreamIdentifier());
        const expected = expectedFromCase(options.hasRevision() ? BigInt(options.getRevision()) : null, options.hasNoStream(), options.hasStreamExists());
        const outcome = this.store.softDelete(stream, expected);
        if (outcome.kind !== 'ok') return callback(outcomeError(outcome, stream, expected));
        const response = new streamsPb.DeleteResp();
        const position = new streamsPb.DeleteResp.Position();
        position.setCommitPosition(String(outcome.position!.commit));
        position.setPreparePosition(String(outcome.position!.prepare));
        response.setPosition(position);
        callback(null, response);
      },
      tombstone: (call: grpc.ServerUnaryCall<InstanceType<typeof streamsPb.TombstoneReq>, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (this.hanging) return this.hold(() => callback(UNAVAILABLE));
        const options = call.request.getOptions()!;
        const stream = streamName(options.getStreamIdentifier());
        const expected = expectedFromCase(options.hasRevision() ? BigInt(options.getRevision()) : null, options.hasNoStream(), options.hasStreamExists());
        const outcome = this.store.tombstone(stream, expected);
        if (outcome.kind !== 'ok') return callback(outcomeError(outcome, stream, expected));
        const response = new streamsPb.TombstoneResp();
        const position = new streamsPb.TombstoneResp.Position();
        position.setCommitPosition(String(outcome.position!.commit));
        position.setPreparePosition(String(outcome.position!.prepare));
        response.setPosition(position);
        callback(null, response);
      },
    };
  }

  private featuresImplementation(): grpc.UntypedServiceImplementation {
    return {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
        if (this.hanging) return this.hold(() => callback(UNAVAILABLE));
        const methods = ['read', 'append', 'delete', 'tombstone', ...(this.options.batchAppend ? ['batchappend'] : [])].map((name) => {
          const method = new featuresPb.SupportedMethod();
          method.setServiceName('event_store.client.streams.streams');
          method.setMethodName(name);
          return method;
        });
        const gossip = new featuresPb.SupportedMethod();
        gossip.setServiceName('event_store.client.gossip.gossip');
        gossip.setMethodName('read');
        const response = new featuresPb.SupportedMethods();
        response.setMethodsList([...methods, gossip]);
        response.setEventStoreServerVersion(DOUBLE_SERVER_VERSION);
        callback(null, response);
      },
    };
  }

  private gossipImplementation(): grpc.UntypedServiceImplementation {
    return {
      read: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
        if (this.hanging) return this.hold(() => callback(UNAVAILABLE));
        const endpoint = new gossipPb.EndPoint();
        endpoint.setAddress('127.0.0.1');
        endpoint.setPort(this.boundPort);
        const member = new gossipPb.MemberInfo();
        const id = new sharedPb.UUID();
        id.setString('00000000-0000-4000-8000-000000000001');
        member.setInstanceId(id);
        member.setTimeStamp(String(Date.now()));
        member.setState(gossipPb.MemberInfo.VNodeState.LEADER);
        member.setIsAlive(true);
        member.setHttpEndPoint(endpoint);
        const info = new gossipPb.ClusterInfo();
        info.setMembersList([member]);
        callback(null, info);
      },
    };
  }

  private batchAppend(
    correlationId: InstanceType<typeof sharedPb.UUID>,
    options: InstanceType<typeof streamsPb.BatchAppendReq.Options>,
    events: ProposedEvent[],
  ): InstanceType<typeof streamsPb.BatchAppendResp> {
    const stream = streamName(options.getStreamIdentifier());
    const expected = options.hasStreamPosition()
      ? BigInt(options.getStreamPosition())
      : options.hasNoStream()
        ? EXPECTED_NO_STREAM
        : options.hasStreamExists()
          ? EXPECTED_STREAM_EXISTS
          : EXPECTED_ANY;
    const response = new streamsPb.BatchAppendResp();
    response.setCorrelationId(correlationId);
    response.setStreamIdentifier(options.getStreamIdentifier());
    if (options.hasStreamPosition()) response.setStreamPosition(options.getStreamPosition());
    else if (options.hasNoStream()) response.setNoStream(new emptyPb.Empty());
    else if (options.hasStreamExists()) response.setStreamExists(new emptyPb.Empty());
    else response.setAny(new emptyPb.Empty());

    const outcome = this.store.append(stream, expected, events);
    if (outcome.kind === 'ok') {
      const success = new streamsPb.BatchAppendResp.Success();
      if (outcome.lastRevision < 0n) success.setNoStream(new emptyPb.Empty());
      else success.setCurrentRevision(String(outcome.lastRevision));
      if (outcome.position) {
        const position = new sharedPb.AllStreamPosition();
        position.setCommitPosition(String(outcome.position.commit));
        position.setPreparePosition(String(outcome.position.prepare));
        success.setPosition(position);
      } else {
        success.setNoPosition(new emptyPb.Empty());
      }
      response.setSuccess(success);
      return response;
    }
    const status = new statusPb.Status();
    const details = new anyPb.Any();
    if (outcome.kind === 'deleted') {
      const deleted = new sharedPb.StreamDeleted();
      deleted.setStreamIdentifier(options.getStreamIdentifier());
      details.pack(deleted.serializeBinary(), 'event_store.client.StreamDeleted');
      status.setCode(codePb.Code.FAILED_PRECONDITION);
      status.setMessage(`Event stream '${stream}' is deleted.`);
    } else {
      const wrong = new sharedPb.WrongExpectedVersion();
      if (outcome.current < 0n) wrong.setCurrentNoStream(new emptyPb.Empty());
      else wrong.setCurrentStreamRevision(String(outcome.current));
      if (expected === EXPECTED_ANY) wrong.setExpectedAny(new emptyPb.Empty());
      else if (expected === EXPECTED_NO_STREAM) wrong.setExpectedNoStream(new emptyPb.Empty());
      else if (expected === EXPECTED_STREAM_EXISTS) wrong.setExpectedStreamExists(new emptyPb.Empty());
      else wrong.setExpectedStreamPosition(String(expected));
      details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
      status.setCode(codePb.Code.FAILED_PRECONDITION);
      status.setMessage('WrongExpectedVersion');
    }
    status.setDetails(details);
    response.setError(status);
    return response;
  }

  private async read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): Promise<void> {
    const options = call.request.getOptions()!;
    const structured = options.getUuidOption()?.hasStructured() ?? false;
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = options.hasCount() ? Number(BigInt(options.getCount()) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : options.getCount()) : Number.MAX_SAFE_INTEGER;

    if (options.hasSubscription()) {
      if (!options.hasAll()) return void call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'The double serves $all subscriptions only' });
      return this.subscribeAll(call, options.getAll()!, options.hasFilter() ? options.getFilter()! : null, structured);
    }

    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const stream = streamName(streamOptions.getStreamIdentifier());
      if (this.store.isDeleted(stream)) return void call.emit('error', streamDeletedError(stream));
      const visible = this.store.visibleEvents(stream);
      if (visible === null) {
        const response = new streamsPb.ReadResp();
        const notFound = new streamsPb.ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(streamOptions.getStreamIdentifier());
        response.setStreamNotFound(notFound);
        call.write(response);
        return void call.end();
      }
      let selected: StoredEvent[];
      if (!backwards) {
        const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : streamOptions.hasEnd() ? null : 0n;
        selected = from === null ? [] : visible.filter((e) => e.revision >= from);
      } else {
        const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : streamOptions.hasStart() ? 0n : null;
        selected = (from === null ? visible : visible.filter((e) => e.revision <= from)).slice().reverse();
      }
      for (const event of selected.slice(0, count)) await write(call, eventResponse(event, structured));
      return void call.end();
    }

    const all = options.getAll()!;
    const filter = options.hasFilter() ? options.getFilter()! : null;
    let selected: StoredEvent[];
    const log = this.store.log;
    if (!backwards) {
      const start = all.hasPosition() ? log.findIndex((e) => !before(e, all.getPosition()!)) : all.hasEnd() ? log.length : 0;
      selected = start < 0 ? [] : log.slice(start);
    } else {
      const end = all.hasPosition() ? log.findIndex((e) => !before(e, all.getPosition()!)) : all.hasStart() ? 0 : log.length;
      selected = log.slice(0, end < 0 ? log.length : end).reverse();
    }
    selected = selected.filter((e) => matches(filter, e)).slice(0, count);
    for (const event of selected) await write(call, eventResponse(event, structured));
    call.end();
  }

  private async subscribeAll(
    call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    all: InstanceType<typeof streamsPb.ReadReq.Options.AllOptions>,
    filter: FilterOptions | null,
    structured: boolean,
  ): Promise<void> {
    const log = this.store.log;
    let ended = false;
    call.on('cancelled', () => (ended = true));
    call.on('close', () => (ended = true));
    let cursor = all.hasEnd() ? log.length : all.hasPosition() ? exclusiveStart(log, all.getPosition()!) : 0;

    const confirmation = new streamsPb.ReadResp();
    const confirm = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirm.setSubscriptionId(randomUUID());
    confirmation.setConfirmation(confirm);
    await write(call, confirmation);

    const window = filter ? (filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW) * Math.max(1, filter.getCheckpointintervalmultiplier()) : 0;
    let scanned = 0;
    let caughtUp = false;
    while (!ended && this.server) {
      while (cursor < log.length && !ended) {
        const event = log[cursor++]!;
        if (matches(filter, event)) await write(call, eventResponse(event, structured));
        if (filter && ++scanned >= window) {
          scanned = 0;
          const response = new streamsPb.ReadResp();
          const checkpoint = new streamsPb.ReadResp.Checkpoint();
          checkpoint.setCommitPosition(String(event.commit));
          checkpoint.setPreparePosition(String(event.prepare));
          response.setCheckpoint(checkpoint);
          await write(call, response);
        }
      }
      if (!caughtUp && !ended) {
        caughtUp = true;
        const response = new streamsPb.ReadResp();
        response.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
        await write(call, response);
      }
      if (cursor >= log.length && !ended) await this.nextCommit();
    }
  }

  private nextCommit(): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        off();
        this.wakers.delete(wake);
        resolve();
      };
      const off = this.store.onCommit(wake);
      this.wakers.add(wake);
    });
  }
}

function write(call: grpc.ServerWritableStream<ReadReq, ReadResp>, message: ReadResp): Promise<void> {
  if (call.destroyed || call.writableEnded) return Promise.resolve();
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('close', done);
      resolve();
    };
    call.once('drain', done);
    call.once('close', done);
  });
}

function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function uuidString(uuid: InstanceType<typeof sharedPb.UUID> | undefined): string {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString();
  const s = uuid.getStructured()!;
  return `${s.getMostSignificantBits()}:${s.getLeastSignificantBits()}`;
}

function expectedFromCase(revision: bigint | null, noStream: boolean, streamExists: boolean): bigint {
  if (revision !== null) return revision;
  if (noStream) return EXPECTED_NO_STREAM;
  if (streamExists) return EXPECTED_STREAM_EXISTS;
  return EXPECTED_ANY;
}

function proposed(message: RawProposed): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidString(message.getId()).toLowerCase(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function appendResponse(outcome: CommitOutcome, expected: bigint, stream: string): InstanceType<typeof streamsPb.AppendResp> {
  const response = new streamsPb.AppendResp();
  if (outcome.kind === 'deleted') throw { outcome, stream };
  if (outcome.kind === 'ok') {
    const success = new streamsPb.AppendResp.Success();
    if (outcome.lastRevision < 0n) success.setNoStream(new sharedPb.Empty());
    else success.setCurrentRevision(String(outcome.lastRevision));
    if (outcome.position) {
      const position = new streamsPb.AppendResp.Position();
      position.setCommitPosition(String(outcome.position.commit));
      position.setPreparePosition(String(outcome.position.prepare));
      success.setPosition(position);
    } else {
      success.setNoPosition(new sharedPb.Empty());
    }
    response.setSuccess(success);
    return response;
  }
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (outcome.current < 0n) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(String(outcome.current));
  if (expected === EXPECTED_ANY) wrong.setExpectedAny(new sharedPb.Empty());
  else if (expected === EXPECTED_NO_STREAM) wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (expected === EXPECTED_STREAM_EXISTS) wrong.setExpectedStreamExists(new sharedPb.Empty());
  else wrong.setExpectedRevision(String(expected));
  response.setWrongExpectedVersion(wrong);
  return response;
}

function streamDeletedError(stream: string): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', stream);
  return { code: grpc.status.FAILED_PRECONDITION, details: `Event stream '${stream}' is deleted.`, metadata };
}

function outcomeError(error: unknown, stream: string, expected?: bigint): Partial<grpc.StatusObject> {
  const thrown = error as { outcome?: CommitOutcome; stream?: string };
  const outcome = (thrown.outcome ?? error) as CommitOutcome;
  const name = thrown.stream ?? stream;
  if (outcome?.kind === 'deleted') return streamDeletedError(name);
  if (outcome?.kind === 'wrongExpectedVersion') {
    const metadata = new grpc.Metadata();
    metadata.set('exception', 'wrong-expected-version');
    metadata.set('stream-name', name);
    metadata.set('expected-version', String(expected ?? EXPECTED_ANY));
    if (outcome.current >= 0n) metadata.set('actual-version', String(outcome.current));
    return { code: grpc.status.FAILED_PRECONDITION, details: `Append failed due to WrongExpectedVersion. Stream: ${name}, Expected version: ${String(expected)}, Actual version: ${String(outcome.current)}`, metadata };
  }
  return internalError(error);
}

function internalError(error: unknown): Partial<grpc.StatusObject> {
  return { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
}

function eventResponse(event: StoredEvent, structured: boolean): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  if (structured) {
    const hex = event.id.replace(/-/g, '');
    const s = new sharedPb.UUID.Structured();
    s.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
    s.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
    id.setStructured(s);
  } else {
    id.setString(event.id);
  }
  recorded.setId(id);
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.stream, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(String(event.commit));
  recorded.setPreparePosition(String(event.prepare));
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', String(event.created));
  recorded.setCustomMetadata(event.customMetadata);
  recorded.setData(event.data);
  const read = new streamsPb.ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(String(event.commit));
  const response = new streamsPb.ReadResp();
  response.setEvent(read);
  return response;
}

function before(event: StoredEvent, position: InstanceType<typeof streamsPb.ReadReq.Options.Position>): boolean {
  const commit = BigInt(position.getCommitPosition());
  const prepare = BigInt(position.getPreparePosition());
  return event.commit < commit || (event.commit === commit && event.prepare < prepare);
}

/** Subscriptions start strictly after the given position. */
function exclusiveStart(log: StoredEvent[], position: InstanceType<typeof streamsPb.ReadReq.Options.Position>): number {
  const commit = BigInt(position.getCommitPosition());
  const prepare = BigInt(position.getPreparePosition());
  const index = log.findIndex((e) => e.commit > commit || (e.commit === commit && e.prepare > prepare));
  return index < 0 ? log.length : index;
}

function matches(filter: FilterOptions | null, event: StoredEvent): boolean {
  if (!filter) return true;
  if (filter.hasStreamIdentifier()) return matchesExpression(filter.getStreamIdentifier()!, event.stream);
  if (filter.hasEventType()) return matchesExpression(filter.getEventType()!, event.type);
  return true;
}

function matchesExpression(expression: Expression, value: string): boolean {
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return prefixes.some((prefix) => value.startsWith(prefix));
  const regex = expression.getRegex();
  return regex ? new RegExp(regex).test(value) : true;
}
