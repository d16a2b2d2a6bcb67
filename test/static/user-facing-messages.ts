import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Finds the message text the API and the workflows hand to people: a workflow's refusal (`failure(...)`,
 * `refuse(...)`), an `ApiError`, a validation decorator's `{ message }`, a field's `problems`. Each literal is
 * reported with the text written in it (a template's fixed parts), so a check can ask whether it is Chinese.
 */
export interface MessageLiteral {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const CJK = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** A code such as `unsupported-media-type` or `task.not-yours`: an identifier for programs, not a sentence. */
const CODE = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

/** Four English words in a row: a sentence, even beside Chinese (as in the old "English (中文)" messages). */
const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[ ,;']+[A-Za-z]{2,}){3,}/;

/** English a person would read (codes aside): words in Latin letters and not one Chinese character, or an English phrase. */
export const readsAsEnglish = (text: string): boolean => !CODE.test(text.trim()) && ((LATIN_WORD.test(text) && !CJK.test(text)) || ENGLISH_PHRASE.test(text));

/** Which argument of a call is the message, by the callee's text. */
const MESSAGE_ARGUMENT: Readonly<Record<string, number>> = {
  failure: 1,
  refuse: 1,
  invalid: 1,
  'ApiError.invalid': 1,
  'ApiError.notFound': 0,
  'ApiError.forbidden': 0,
  'ApiError.conflict': 0,
  'new ApiError': 1,
  'new MissingClaimError': 1,
  'new MalformedCatalogError': 1,
  super: -2, // an error class passes its message on, after its code if it has one
  'ApplicationFailure.create': -1,
  'ApplicationFailure.nonRetryable': 0,
};
/** Object properties whose value is read by people wherever they are written. */
const MESSAGE_PROPERTIES = new Set(['message', 'problems', 'problem']);

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.ts$/.test(entry) && !/\.(spec|int-spec|d)\.ts$/.test(entry)) found.push(full);
  }
  return found;
}

/** The literal strings an expression may evaluate to (through `?:`, `??`, `||`, `+`, arrays and parentheses). */
function literalsIn(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalsIn(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  // 'a' + 'b' is one message, read as a whole; `x ?? 'y'` offers either side.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isText(node.left) && isText(node.right)) return [node];
  if (ts.isBinaryExpression(node)) return [...literalsIn(node.left), ...literalsIn(node.right)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => literalsIn(element as ts.Expression));
  return [];
}

const isText = (node: ts.Node): boolean =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isText(node.left) && isText(node.right));

function textOf(node: ts.Node): string {
  if (ts.isBinaryExpression(node)) return `${textOf(node.left)}${textOf(node.right)}`;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return '';
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression.getText();
  return ts.isNewExpression(node) ? `new ${callee}` : callee;
}

/** Every message literal in the TypeScript sources under the given folders (tests excluded). */
export function messageLiterals(root: string, dirs: readonly string[]): MessageLiteral[] {
  const found: MessageLiteral[] = [];
  for (const file of dirs.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const relative = path.relative(root, file).split(path.sep).join('/');
    const report = (expression: ts.Expression | undefined) => {
      if (!expression) return;
      for (const literal of literalsIn(expression)) {
        found.push({ file: relative, line: source.getLineAndCharacterOfPosition(literal.getStart()).line + 1, text: textOf(literal) });
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const index = MESSAGE_ARGUMENT[calleeName(node)];
        if (index !== undefined && index >= 0) report(node.arguments?.[index]);
        if (index === -2) node.arguments?.forEach((argument) => report(argument));
      }
      if (ts.isPropertyAssignment(node) && MESSAGE_PROPERTIES.has(node.name.getText())) report(node.initializer);
      if (ts.isVariableDeclaration(node) && MESSAGE_PROPERTIES.has(node.name.getText())) report(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
