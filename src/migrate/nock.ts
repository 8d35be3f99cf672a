import type * as TS from 'typescript';

// `pook migrate nock`: rewrites the mechanical part of a nock test file to
// pook (docs/migrating/nock.md#the-codemod). It reads the file with the
// TypeScript compiler's parser, finds nock's calls in the syntax tree, and
// replaces exactly those nodes' text, so the rest of the file keeps its
// formatting and comments. What it cannot translate keeps its code and gets a
// `// TODO(pook): <idiom>: <what to do>` line above its statement.

/** What the codemod did to one file. */
export interface MigrateResult {
  /** The rewritten source (equal to the input when nothing was found). */
  readonly code: string;
  /** Every `TODO(pook)` comment written, in source order. */
  readonly todos: readonly string[];
  /** How many nock expressions were rewritten. */
  readonly rewrites: number;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A variable holding a nock scope: what it becomes, and the scope-wide settings its later chains inherit. */
interface ScopeVariable {
  /** `origin`: a `PookOrigin` (several interceptors); `mock`: the one interceptor's `Mock`. */
  kind: 'origin' | 'mock';
  readonly settings: ScopeSettings;
  /** For `mock`: the times the interceptor expects (`undefined`: persisted, at least once). */
  times?: string | undefined;
}

interface ScopeSettings {
  persist: boolean;
  /** `.header(…)` / `.headerAbsent(…)` calls every interceptor of the scope gets. */
  readonly headers: string[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'merge', 'intercept']);
const NETWORK_CODE = /^E[A-Z]+$/;

/**
 * Rewrites the nock idioms of one file's source to pook.
 * @param ts - the `typescript` module (loaded by the caller, an optional peer dependency)
 * @param source - the file's text
 * @param fileName - its name; the extension picks the parser (`.ts`, `.tsx`, `.js`, `.mjs`, `.cjs`, `.jsx`)
 */
export function migrateNock(ts: typeof TS, source: string, fileName: string): MigrateResult {
  const kind = /\.tsx$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.[cm]?ts$/.test(fileName)
      ? ts.ScriptKind.TS
      : /\.jsx$/.test(fileName)
        ? ts.ScriptKind.JSX
        : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  return new NockMigration(ts, file).run();
}

class NockMigration {
  readonly #ts: typeof TS;
  readonly #file: TS.SourceFile;
  readonly #edits: Edit[] = [];
  /** TODO lines, by the start of the statement they go above. */
  readonly #todos = new Map<number, { indent: string; lines: string[] }>();
  /** Scope variables, by the block they are declared in, then by name. */
  readonly #scopes = new Map<TS.Node, Map<string, ScopeVariable>>();
  /** The local names nock is imported as. */
  readonly #nock = new Set<string>();
  #rewrites = 0;
  #activateAt: number | undefined;

  constructor(ts: typeof TS, file: TS.SourceFile) {
    this.#ts = ts;
    this.#file = file;
  }

  run(): MigrateResult {
    const ts = this.#ts;
    for (const statement of this.#file.statements) this.#import(statement);
    if (this.#nock.size === 0) return { code: this.#file.text, todos: [], rewrites: 0 };
    this.#findScopeVariables();
    const visit = (node: TS.Node): void => {
      if (this.#handle(node)) return;
      ts.forEachChild(node, visit);
    };
    for (const statement of this.#file.statements) visit(statement);
    if (this.#activateAt !== undefined) {
      // nock intercepts once imported, pook once activated: after the last import, at the end of its line.
      const text = this.#file.text;
      const lineEnd = text.indexOf('\n', this.#activateAt);
      const at = lineEnd === -1 ? text.length : lineEnd;
      const esm = this.#file.statements.some((statement) => this.#ts.isImportDeclaration(statement));
      this.#edits.push({ start: at, end: at, text: esm ? '\n\npook.activate();' : '\npook.activate();' });
    }
    return this.#apply();
  }

  // ── imports ──────────────────────────────────────────────────────────

  #import(statement: TS.Statement): void {
    const ts = this.#ts;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'nock') {
      const clause = statement.importClause;
      const names: string[] = [];
      const dropped: string[] = [];
      if (clause?.name !== undefined) names.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
      if (bindings !== undefined && ts.isNamedImports(bindings)) for (const element of bindings.elements) dropped.push(element.name.text);
      for (const name of names) this.#nock.add(name);
      this.#replace(statement, "import pook from 'pook';");
      if (dropped.length > 0)
        this.#todo(statement, `import { ${dropped.join(', ')} } from 'nock': nock's own types and helpers have no pook equivalent; see docs/migrating/nock.md`);
      this.#activateAt = Math.max(this.#activateAt ?? 0, this.#lastImportEnd());
      return;
    }
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const declaration = statement.declarationList.declarations[0]!;
      let init = declaration.initializer;
      // `require('nock').default`: nock 15 is an ES module.
      if (init !== undefined && ts.isPropertyAccessExpression(init) && init.name.text === 'default') init = init.expression;
      if (
        init !== undefined &&
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        init.expression.text === 'require' &&
        init.arguments.length === 1 &&
        ts.isStringLiteral(init.arguments[0]!) &&
        (init.arguments[0] as TS.StringLiteral).text === 'nock' &&
        ts.isIdentifier(declaration.name)
      ) {
        this.#nock.add(declaration.name.text);
        const keyword = statement.declarationList.flags & ts.NodeFlags.Const ? 'const' : statement.declarationList.flags & ts.NodeFlags.Let ? 'let' : 'var';
        this.#replace(statement, `${keyword} pook = require('pook');`);
        this.#activateAt = Math.max(this.#activateAt ?? 0, statement.getEnd());
      }
    }
  }

  /** Where the file's last top-level import ends. */
  #lastImportEnd(): number {
    let end = 0;
    for (const statement of this.#file.statements) if (this.#ts.isImportDeclaration(statement)) end = statement.getEnd();
    return end;
  }

  /** The block a declaration or reference belongs to: the nearest block, module block or the file. */
  #blockOf(node: TS.Node): TS.Node {
    const ts = this.#ts;
    let current = node.parent;
    while (!(ts.isBlock(current) || ts.isSourceFile(current) || ts.isModuleBlock(current) || ts.isCaseClause(current))) current = current.parent;
    return current;
  }

  /** The scope variable `name` refers to at `node`: declared in this block or a block around it. */
  #scopeAt(node: TS.Node, name: string): ScopeVariable | undefined {
    let current: TS.Node | undefined = node;
    while (current !== undefined) {
      const found = this.#scopes.get(current)?.get(name);
      if (found !== undefined) return found;
      current = current.parent;
    }
    return undefined;
  }

  // ── scope variables ──────────────────────────────────────────────────

  /**
   * First pass: every `const scope = nock(…)…` and how many interceptors the
   * variable ever gets; one alone makes the variable that interceptor's
   * mock (so `scope.done()` is `scope.assertCalled()`), more make it a
   * `pook.origin(…)` (and `scope.done()` is `pook.assertDone()`).
   */
  #findScopeVariables(): void {
    const ts = this.#ts;
    const counts = new Map<ScopeVariable, { interceptors: number; times: string | undefined; persist: boolean }>();
    const visit = (node: TS.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
        const chain = this.#chain(node.initializer);
        if (chain !== undefined && chain.root === 'nock') {
          const scope: ScopeVariable = { kind: 'origin', settings: { persist: false, headers: [] } };
          const block = this.#blockOf(node);
          const names = this.#scopes.get(block) ?? new Map<string, ScopeVariable>();
          names.set(node.name.text, scope);
          this.#scopes.set(block, names);
          counts.set(scope, this.#interceptorInfo(chain.calls));
        }
      }
      if (ts.isExpressionStatement(node)) {
        const chain = this.#chain(node.expression);
        const scope = chain === undefined || chain.root === 'nock' ? undefined : this.#scopeAt(node, chain.root);
        const entry = scope === undefined ? undefined : counts.get(scope);
        if (entry !== undefined) entry.interceptors += this.#interceptorInfo(chain!.calls).interceptors;
      }
      ts.forEachChild(node, visit);
    };
    visit(this.#file);
    for (const [scope, { interceptors, times, persist }] of counts) {
      // One interceptor alone: the variable is its mock (`scope.done()` is `scope.assertCalled()`).
      if (interceptors === 1) {
        scope.kind = 'mock';
        scope.times = persist ? undefined : times;
      }
    }
  }

  #interceptorInfo(calls: readonly TS.CallExpression[]): { interceptors: number; times: string | undefined; persist: boolean } {
    let interceptors = 0;
    let times: string | undefined = '1';
    let persist = false;
    for (const call of calls) {
      const name = this.#callName(call);
      if (name !== undefined && METHODS.has(name)) interceptors++;
      if (name === 'persist') persist = true;
      if (name === 'times') times = call.arguments[0]?.getText();
      if (name === 'twice') times = '2';
      if (name === 'thrice') times = '3';
    }
    return { interceptors, times, persist };
  }

  // ── chains ───────────────────────────────────────────────────────────

  /**
   * A call chain ending at `node`, rooted at `nock(…)` or at a scope
   * variable: the calls from the root outwards.
   */
  #chain(node: TS.Expression): { root: string; calls: TS.CallExpression[] } | undefined {
    const ts = this.#ts;
    const calls: TS.CallExpression[] = [];
    let current: TS.Expression = node;
    while (ts.isCallExpression(current)) {
      calls.unshift(current);
      const callee: TS.Expression = current.expression;
      if (ts.isIdentifier(callee)) return this.#nock.has(callee.text) ? { root: 'nock', calls } : undefined;
      if (!ts.isPropertyAccessExpression(callee)) return undefined;
      current = callee.expression;
    }
    if (ts.isIdentifier(current) && calls.length > 0 && this.#scopeAt(current, current.text) !== undefined) return { root: current.text, calls };
    return undefined;
  }

  #callName(call: TS.CallExpression): string | undefined {
    const ts = this.#ts;
    return ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  }

  /** The outermost expression of the chain `node` is the root of, or `node` itself. */
  #outermost(node: TS.Expression): TS.Expression {
    const ts = this.#ts;
    let current: TS.Node = node;
    for (;;) {
      const parent: TS.Node = current.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === current && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
        current = parent.parent;
      } else return current as TS.Expression;
    }
  }

  /** Rewrites the node if it is a nock idiom; true when it was handled (its children are not visited again). */
  #handle(node: TS.Node): boolean {
    const ts = this.#ts;
    if (ts.isImportDeclaration(node)) return true;
    // nock.disableNetConnect(), nock.cleanAll(), … as statements or expressions.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      const target = node.expression.expression.text;
      const name = node.expression.name.text;
      if (this.#nock.has(target)) return this.#moduleCall(node, name);
      const scope = this.#scopeAt(node, target);
      if (scope !== undefined && (name === 'done' || name === 'isDone' || name === 'pendingMocks')) return this.#scopeCall(node, target, scope, name);
    }
    // nock(…) chains and chains on a scope variable.
    if (ts.isCallExpression(node)) {
      const outer = this.#outermost(node);
      const chain = this.#chain(outer);
      if (chain !== undefined && outer === node) {
        this.#rewriteChain(node, chain.root, chain.calls);
        return true;
      }
    }
    // `afterEach(nock.cleanAll)`: a reference to a module function.
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      this.#nock.has(node.expression.text) &&
      !(ts.isCallExpression(node.parent) && node.parent.expression === node)
    ) {
      const mapped = { cleanAll: 'pook.reset', restore: 'pook.disable', activate: 'pook.activate', isDone: 'pook.isDone' }[node.name.text];
      if (mapped !== undefined) {
        this.#replace(node, mapped);
        this.#rewrites++;
      } else {
        const name = node.name.text;
        const advice =
          name === 'back' || name === 'recorder' ? 'pook has no recorder: write the mocks, or record with a script' : 'no mechanical pook equivalent';
        this.#todo(node, `nock.${name}: ${advice}; see docs/migrating/nock.md`);
      }
      return true;
    }
    // `const scope: nock.Scope = …`: the annotation goes, the type is inferred.
    if (ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left) && this.#nock.has(node.typeName.left.text)) {
      const parent = node.parent;
      const chain = ts.isVariableDeclaration(parent) && parent.initializer !== undefined ? this.#chain(parent.initializer) : undefined;
      // A scope variable's whole statement is written again, without the annotation.
      if (chain?.root === 'nock' && ts.isIdentifier((parent as TS.VariableDeclaration).name)) return true;
      if (ts.isVariableDeclaration(parent) && parent.type === node) {
        this.#edits.push({ start: parent.name.getEnd(), end: node.getEnd(), text: '' });
        this.#rewrites++;
      } else this.#todo(node, `the type ${node.getText()}: pook's types are Mock, PookOrigin, PookResponse (import type { … } from 'pook')`);
      return true;
    }
    if (ts.isIdentifier(node) && this.#nock.has(node.text) && !ts.isImportClause(node.parent) && !ts.isVariableDeclaration(node.parent)) {
      this.#todo(node, 'nock used as a value: see docs/migrating/nock.md');
      return true;
    }
    return false;
  }

  #moduleCall(node: TS.CallExpression, name: string): boolean {
    const args = node.arguments.map((a) => a.getText());
    const simple: Record<string, string> = {
      cleanAll: 'pook.reset()',
      isDone: 'pook.isDone()',
      activate: 'pook.activate()',
      restore: 'pook.disable()',
      isActive: 'pook.isActive()',
      pendingMocks: 'pook.pendingMocks().map((mock) => mock.label)',
    };
    const mapped = simple[name];
    if (mapped !== undefined) {
      this.#replace(node, mapped);
    } else if (name === 'disableNetConnect') {
      const statement = this.#statementOf(node);
      // pook blocks every unmatched request while active: the call has nothing to do.
      if (statement !== undefined && this.#ts.isExpressionStatement(statement) && statement.expression === node) this.#remove(statement);
      else this.#replace(node, 'pook.disableNetwork()');
    } else if (name === 'enableNetConnect') {
      const arg = node.arguments[0];
      if (arg === undefined) this.#replace(node, 'pook.enableNetwork()');
      else if (this.#ts.isStringLiteral(arg) || this.#ts.isRegularExpressionLiteral(arg)) this.#replace(node, `pook.enableNetwork(${args[0]})`);
      else {
        const filter = `pook.useNetworkFilter((request) => Boolean((${args[0]})(request.url.host)))`;
        const parent = node.parent;
        if (this.#ts.isExpressionStatement(parent)) this.#replace(parent, `pook.enableNetwork();\n${this.#indentOf(parent)}${filter};`);
        else this.#replace(node, `(pook.enableNetwork(), ${filter})`);
      }
    } else {
      this.#todo(
        node,
        `nock.${name}(): ${name === 'back' || name === 'recorder' ? 'pook has no recorder: write the mocks, or record with a script' : 'no mechanical pook equivalent'}; see docs/migrating/nock.md`,
      );
      return true;
    }
    this.#rewrites++;
    return true;
  }

  #scopeCall(node: TS.CallExpression, variable: string, scope: ScopeVariable, name: string): boolean {
    if (name === 'pendingMocks') this.#replace(node, 'pook.pendingMocks().map((mock) => mock.label)');
    else if (scope.kind === 'mock') {
      if (name === 'done') this.#replace(node, `${variable}.assertCalled(${scope.times ?? ''})`);
      else return true; // a Mock has isDone() too
    } else this.#replace(node, name === 'done' ? 'pook.assertDone()' : 'pook.isDone()');
    this.#rewrites++;
    return true;
  }

  #rewriteChain(node: TS.CallExpression, root: string, calls: readonly TS.CallExpression[]): void {
    const ts = this.#ts;
    const todos: string[] = [];
    let receiver: string;
    let settings: ScopeSettings;
    let rest = calls;
    if (root === 'nock') {
      const [base, options] = calls[0]!.arguments;
      const parent = node.parent;
      // A scope held in a variable: its later chains inherit what is set here.
      settings = (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)
        ? this.#scopes.get(this.#blockOf(parent))?.get(parent.name.text)?.settings
        : undefined) ?? {
        persist: false,
        headers: [],
      };
      if (
        base === undefined ||
        !(ts.isStringLiteralLike(base) || ts.isIdentifier(base) || ts.isTemplateExpression(base) || ts.isPropertyAccessExpression(base))
      ) {
        todos.push(
          `nock(${base?.getText() ?? ''}): a base that is not a URL (a RegExp or a function) has no origin form: write full URLs or pook.mock().addMatcher()`,
        );
      }
      if (options !== undefined) this.#scopeOptions(options, settings, todos);
      receiver = `pook.origin(${base?.getText() ?? "''"})`;
      rest = calls.slice(1);
    } else {
      const scope = this.#scopeAt(node, root)!;
      settings = scope.settings;
      receiver = root;
    }
    const interceptors: string[] = [];
    let current: string | undefined;
    let times: string | undefined;
    const finish = (reply: string): void => {
      if (current === undefined) return;
      if (settings.persist) current += '.persist()';
      else if (times !== undefined) current += `.times(${times})`;
      interceptors.push(current + reply);
      current = undefined;
      times = undefined;
    };
    for (const call of rest) {
      const name = this.#callName(call) ?? '';
      const args = call.arguments;
      const text = args.map((a) => a.getText());
      if (METHODS.has(name)) {
        if (current !== undefined) finish('');
        current = this.#interceptor(receiver, name, args, todos) + settings.headers.join('');
        continue;
      }
      if (current === undefined) {
        // Scope-wide settings, before an interceptor.
        if (name === 'persist') settings.persist = text[0] !== 'false';
        else if (name === 'matchHeader') settings.headers.push(this.#header(args, todos));
        else if (name === 'defaultReplyHeaders' || name === 'replyContentLength' || name === 'replyDate')
          todos.push(`scope.${name}(): give each reply its headers`);
        else if (name === 'done' || name === 'isDone') todos.push(`scope.${name}() on the chain: call pook.assertDone() after the code under test`);
        else todos.push(`scope.${name}(): no mechanical pook equivalent`);
        continue;
      }
      switch (name) {
        case 'matchHeader':
          current += this.#header(args, todos);
          break;
        case 'query':
          current += this.#query(args, todos);
          break;
        case 'times':
          times = text[0];
          break;
        case 'once':
          times = undefined;
          break;
        case 'twice':
          times = '2';
          break;
        case 'thrice':
          times = '3';
          break;
        case 'delay':
        case 'delayConnection':
          if (args[0] !== undefined && ts.isObjectLiteralExpression(args[0]))
            todos.push(`.${name}({ head, body }): pook delays the whole response: .delay(ms)`);
          else current += `.delay(${text[0]})`;
          break;
        case 'delayBody':
          todos.push('.delayBody(): pook delays the whole response (.delay(ms)), or stream the body with chunks');
          break;
        case 'basicAuth':
          current += this.#basicAuth(args, todos);
          break;
        case 'reply':
          finish(this.#reply(args, todos));
          break;
        case 'replyWithError':
          finish(this.#replyWithError(args, todos));
          break;
        case 'replyWithFile':
          finish(`.reply(${text[0]}, { file: ${text[1]}${text[2] === undefined ? '' : `, headers: ${text[2]}`} })`);
          break;
        default:
          todos.push(`.${name}(): no mechanical pook equivalent`);
      }
    }
    finish('');
    this.#rewrites++;
    this.#place(node, root, receiver, interceptors, todos);
  }

  /** Writes the rewritten interceptors where the chain was. */
  #place(node: TS.CallExpression, root: string, receiver: string, interceptors: readonly string[], todos: readonly string[]): void {
    const ts = this.#ts;
    const parent = node.parent;
    const statement = this.#statementOf(node);
    for (const todo of todos) this.#todo(node, todo);
    if (ts.isExpressionStatement(parent)) {
      const indent = this.#indentOf(parent);
      this.#replace(parent, interceptors.map((i) => `${i};`).join(`\n${indent}`) || `${receiver};`);
      return;
    }
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && statement !== undefined && ts.isVariableStatement(statement)) {
      const scope = this.#scopes.get(this.#blockOf(parent))?.get(parent.name.text);
      if (root === 'nock' && scope !== undefined) {
        const keyword = statement.declarationList.flags & ts.NodeFlags.Let ? 'let' : statement.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'var';
        const name = parent.name.text;
        if (scope.kind === 'mock' && interceptors.length === 1) {
          this.#replace(statement, `${keyword} ${name} = ${interceptors[0]}.mock;`);
          return;
        }
        scope.kind = 'origin';
        const indent = this.#indentOf(statement);
        const lines = [`${keyword} ${name} = ${receiver};`, ...interceptors.map((i) => `${i.replace(receiver, name)};`)];
        this.#replace(statement, lines.join(`\n${indent}`));
        return;
      }
    }
    this.#replace(node, interceptors.length === 1 ? interceptors[0]! : `[${interceptors.join(', ')}]`);
  }

  #interceptor(receiver: string, name: string, args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    let [path, body] = args;
    let method = name;
    let options = '';
    if (name === 'intercept') {
      method = 'mock';
      options = `, { method: ${args[1]?.getText() ?? "'GET'"} }`;
      body = args[2];
    } else if (name === 'merge') {
      method = 'mock';
      options = ", { method: 'MERGE' }";
    }
    let out: string;
    let query = '';
    if (path === undefined) {
      out = `${receiver}.${method}(/.*/${options})`;
    } else if (ts.isStringLiteral(path) || ts.isNoSubstitutionTemplateLiteral(path)) {
      // nock matches a query written in the path exactly: so does .query().
      const at = path.text.indexOf('?');
      if (at === -1) out = `${receiver}.${method}(${path.getText()}${options})`;
      else {
        const quote = path.getText()[0] === '"' ? '"' : "'";
        out = `${receiver}.${method}(${quote}${path.text.slice(0, at)}${quote}${options})`;
        query = `.query(${queryObject(path.text.slice(at + 1))})`;
      }
    } else if (ts.isRegularExpressionLiteral(path) || ts.isIdentifier(path) || ts.isTemplateExpression(path) || ts.isBinaryExpression(path)) {
      out = `${receiver}.${method}(${path.getText()}${options})`;
    } else if (ts.isArrowFunction(path) || ts.isFunctionExpression(path)) {
      out = `${receiver}.${method}(/.*/${options}).addMatcher((request) => Boolean((${path.getText()})(request.url.pathname + request.url.search)))`;
    } else {
      out = `${receiver}.${method}(${path.getText()}${options})`;
      todos.push('interceptor path: check that it is a path starting with "/" or a RegExp');
    }
    out += query;
    if (body !== undefined) out += this.#requestBody(body, todos);
    return out;
  }

  #requestBody(body: TS.Expression, todos: string[]): string {
    const ts = this.#ts;
    const text = body.getText();
    if (ts.isStringLiteralLike(body) || ts.isTemplateExpression(body) || ts.isRegularExpressionLiteral(body)) return `.body(${text})`;
    if (ts.isObjectLiteralExpression(body) || ts.isArrayLiteralExpression(body)) return `.json(${text})`;
    if (ts.isArrowFunction(body) || ts.isFunctionExpression(body)) {
      todos.push('request body function: it gets request.json (a body that is not JSON fails the match); use request.text for text');
      return `.addMatcher((request) => Boolean((${text})(request.json)))`;
    }
    todos.push(`request body ${text}: matched as JSON (.json()); for text use .body(), for a form .form()`);
    return `.json(${text})`;
  }

  #header(args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    const [name, value] = args;
    if (name === undefined || value === undefined) {
      todos.push('matchHeader() without a name and a value');
      return '';
    }
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
      return `.addMatcher((request) => Boolean((${value.getText()})(request.headers.get(${name.getText()}) ?? '')))`;
    }
    return `.header(${name.getText()}, ${value.getText()})`;
  }

  #query(args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    const [value] = args;
    if (value === undefined) return '';
    if (value.kind === ts.SyntaxKind.TrueKeyword) return ''; // any query: pook's rule without .query()
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
      todos.push('query function: it gets the parameters as Object.fromEntries(searchParams) (the last value of a repeated key)');
      return `.addMatcher((request) => Boolean((${value.getText()})(Object.fromEntries(request.url.searchParams))))`;
    }
    if (ts.isStringLiteral(value)) return `.query(${queryObject(value.text)})`;
    if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) {
          todos.push(`query with a nested object (${property.name.getText()}): write the bracketed keys, e.g. { 'a[b]': '1' }`);
        }
      }
    }
    return `.query(${value.getText()})`;
  }

  #basicAuth(args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    const [value] = args;
    if (value === undefined || !ts.isObjectLiteralExpression(value)) {
      todos.push('basicAuth(): expect the Authorization header with .header()');
      return '';
    }
    const part = (key: string): string | undefined => {
      for (const property of value.properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText() === key) return property.initializer.getText();
        if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return key;
      }
      return undefined;
    };
    const user = part('user') ?? "''";
    const pass = part('pass') ?? "''";
    const literal = /^(['"])(.*)\1$/s;
    const u = literal.exec(user);
    const p = literal.exec(pass);
    if (u !== null && p !== null && !/\\/.test(user + pass)) return `.header('Authorization', 'Basic ${Buffer.from(`${u[2]}:${p[2]}`).toString('base64')}')`;
    return `.header('Authorization', \`Basic \${Buffer.from(\`\${${user}}:\${${pass}}\`).toString('base64')}\`)`;
  }

  #reply(args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    const [status, body, headers] = args;
    if (status === undefined) return '.reply(200)';
    if (ts.isArrowFunction(status) || ts.isFunctionExpression(status)) {
      todos.push('reply(fn): a pook reply function gets (request, mock) and returns { status, headers, body, json }');
      return `.reply(${args.map((a) => a.getText()).join(', ')})`;
    }
    const headerText = headers === undefined ? '' : `, ${headers.getText()}`;
    if (body === undefined) return `.reply(${status.getText()})`;
    if (ts.isArrowFunction(body) || ts.isFunctionExpression(body)) {
      todos.push('reply(status, fn): compute the response with reply((request) => ({ status, json | body }))');
      return `.reply(${args.map((a) => a.getText()).join(', ')})`;
    }
    const bodyText = body.getText();
    const literal =
      ts.isStringLiteralLike(body) ||
      ts.isTemplateExpression(body) ||
      ts.isArrayLiteralExpression(body) ||
      ts.isNumericLiteral(body) ||
      body.kind === ts.SyntaxKind.TrueKeyword ||
      body.kind === ts.SyntaxKind.FalseKeyword ||
      body.kind === ts.SyntaxKind.NullKeyword;
    if (literal) return `.reply(${status.getText()}, ${bodyText}${headerText})`;
    if (ts.isObjectLiteralExpression(body)) return `.reply(${status.getText()}, { json: ${bodyText} }${headerText})`;
    todos.push(`reply body ${bodyText}: sent as JSON; if it is a string or a Buffer, write .reply(status, ${bodyText})`);
    return `.reply(${status.getText()}, { json: ${bodyText} }${headerText})`;
  }

  #replyWithError(args: TS.NodeArray<TS.Expression>, todos: string[]): string {
    const ts = this.#ts;
    const [error] = args;
    if (error === undefined) return ".error('socket hang up')";
    if (ts.isObjectLiteralExpression(error)) {
      for (const property of error.properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText() === 'code' && ts.isStringLiteral(property.initializer)) {
          if (NETWORK_CODE.test(property.initializer.text)) return `.error(${property.initializer.getText()})`;
        }
      }
      todos.push('replyWithError(object): pook fails with an Error, or a network error code such as ECONNRESET');
      return `.error(Object.assign(new Error('replyWithError'), ${error.getText()}))`;
    }
    return `.error(${error.getText()})`;
  }

  #scopeOptions(options: TS.Expression, settings: ScopeSettings, todos: string[]): void {
    const ts = this.#ts;
    if (!ts.isObjectLiteralExpression(options)) {
      todos.push(`nock options ${options.getText()}: give each mock its headers`);
      return;
    }
    for (const property of options.properties) {
      const key = property.name?.getText();
      if (ts.isPropertyAssignment(property) && key === 'reqheaders' && ts.isObjectLiteralExpression(property.initializer)) {
        for (const header of property.initializer.properties) {
          if (!ts.isPropertyAssignment(header)) continue;
          const value = header.initializer;
          if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
            settings.headers.push(`.addMatcher((request) => Boolean((${value.getText()})(request.headers.get(${quoted(header.name)}) ?? '')))`);
          } else settings.headers.push(`.header(${quoted(header.name)}, ${value.getText()})`);
        }
      } else if (ts.isPropertyAssignment(property) && key === 'badheaders' && ts.isArrayLiteralExpression(property.initializer)) {
        settings.headers.push(`.headerAbsent(${property.initializer.elements.map((e) => e.getText()).join(', ')})`);
      } else if (key === 'allowUnmocked') {
        todos.push('allowUnmocked: pook.enableNetwork() lets unmatched requests through');
      } else {
        todos.push(`nock option ${key ?? property.getText()}: no mechanical pook equivalent`);
      }
    }
  }

  // ── edits ────────────────────────────────────────────────────────────

  #statementOf(node: TS.Node): TS.Statement | undefined {
    const ts = this.#ts;
    let current: TS.Node | undefined = node;
    while (current !== undefined && !(ts.isStatement(current) || ts.isVariableStatement(current))) current = current.parent;
    return current as TS.Statement | undefined;
  }

  #indentOf(node: TS.Node): string {
    const text = this.#file.text;
    const start = node.getStart(this.#file);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  }

  #todo(node: TS.Node, message: string): void {
    const statement = this.#statementOf(node) ?? node;
    const start = statement.getStart(this.#file);
    const entry = this.#todos.get(start) ?? { indent: this.#indentOf(statement), lines: [] };
    if (!entry.lines.includes(message)) entry.lines.push(message);
    this.#todos.set(start, entry);
  }

  #replace(node: TS.Node, text: string): void {
    this.#edits.push({ start: node.getStart(this.#file), end: node.getEnd(), text });
  }

  #remove(statement: TS.Statement): void {
    const text = this.#file.text;
    let start = statement.getStart(this.#file);
    let end = statement.getEnd();
    // The whole line, when the statement is alone on it.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
      start = lineStart;
      end = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    this.#edits.push({ start, end, text: '' });
  }

  #apply(): MigrateResult {
    const edits = [...this.#edits];
    const todos: string[] = [];
    for (const [start, { indent, lines }] of [...this.#todos].sort(([a], [b]) => a - b)) {
      const text = lines.map((line) => `// TODO(pook): ${line}\n${indent}`).join('');
      todos.push(...lines);
      edits.push({ start, end: start, text });
    }
    // From the end, so earlier offsets stay valid; at one offset, insertions before replacements.
    edits.sort((a, b) => b.start - a.start || (a.start === a.end ? 1 : 0) - (b.start === b.end ? 1 : 0));
    let code = this.#file.text;
    let limit = Number.POSITIVE_INFINITY;
    for (const edit of edits) {
      if (edit.end > limit) continue; // overlapping: the outer edit already rewrote it
      code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
      limit = edit.start;
    }
    return { code, todos, rewrites: this.#rewrites };
  }
}

function quoted(name: TS.PropertyName): string {
  const text = name.getText();
  return /^['"]/.test(text) ? text : `'${text}'`;
}

/** A query string as the object literal `.query()` takes (a repeated key: an array). */
function queryObject(search: string): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(search)) values.set(key, [...(values.get(key) ?? []), value]);
  const entries = [...values].map(
    ([key, list]) =>
      `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key.replace(/'/g, "\\'")}'`}: ${list.length === 1 ? quote(list[0]!) : `[${list.map(quote).join(', ')}]`}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
