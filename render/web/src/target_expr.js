/* target_expr.js: scenes/targets.py's target grammar in the page, refusing with the same words.
 *
 * A target is a named one (x^2, abs, sin, ...) or an expression of x: numbers, x, pi, + - * / ** ^ (power,
 * right-associative, tighter than unary minus), parentheses and abs sin cos exp log sqrt tanh min max. The
 * text is tokenized by code point (columns are 1-based code points, as Python counts them) and parsed by
 * recursive descent into the tree Python builds (nested arrays, what Target.to_json() carries); nothing is
 * ever evaluated as code. tests/target_cases.json and tests/test_targets.py hold both sides to the same
 * decisions and messages.
 *
 * Evaluation does the tree's operations in tree order, as numpy does them: + - * /, negation, abs, sqrt,
 * min, max and small integer powers (x^3 = (x*x)*x, x^-2 = 1/(x*x)) give Python's bits; sin cos exp log
 * tanh and other powers (Math.pow) are the browser's and may differ from numpy's in the last bits.
 */

/** @typedef {Array<any>} Ast  a tree node: [op, ...children or numbers], as scenes/targets.py's to_json */
/**
 * @typedef {{ok: true, text: string, name: string, nameZh: string, key: (string|null), ast: Ast}
 *   | {ok: false, code: string, error: string, column: number}} Parsed
 */

export const MAX_LENGTH = 200;
export const MAX_DEPTH = 64;
/** @type {Record<string, number>} function -> number of arguments */
export const FUNCTIONS = { abs: 1, sin: 1, cos: 1, exp: 1, log: 1, sqrt: 1, tanh: 1, min: 2, max: 2 };
const FUNCTION_LIST = Object.keys(FUNCTIONS).join(' ');
/** operations that are each library's own (numpy's and the browser's may differ in the last bits) */
export const LIBRARY_OPS = ['sin', 'cos', 'exp', 'log', 'tanh', 'pow'];
const SPACE = ' \t\n\r\f\v';
const OPERAND = "a number, x, pi, a function or '('";
/** @type {Record<string, string>} characters people paste from typeset maths, and what to type instead */
const TYPESET = { '−': '-', '×': '*', '·': '*', '÷': '/', '²': '^2', '³': '^3', 'π': 'pi' };

/**
 * Named targets, as scenes/targets.py's NAMED (the test compares them): expression or tree, names, why.
 * @type {Record<string, {expression: (string|null), en: string, zh: string, description: string,
 *   tree: (Ast|null)}>}
 */
export const NAMED = {
  'x^2': named('x^2', 'x²', 'x²', "the chapter's target, x*x to the last bit"),
  abs: named('abs(x-1)', '|x−1|', '|x−1|', 'a V with its kink at x = 1: two units, one each side'),
  sin: named('sin(pi*x)', 'sin πx', 'sin πx', 'one period on [0, 2], rising, falling, rising: more than '
    + 'two units'),
  'x^3-x': named('x^3-x', 'x³−x', 'x³−x', 'a cubic, falling then rising on [0, 2]'),
  step: named(null, 'step', '阶跃', '0 up to x = 1, then 1: a jump no continuous net makes exactly',
    ['step', ['sub', ['x'], ['num', 1]]]),
  relu: named('max(0, x-1)', 'ReLU(x−1)', 'ReLU(x−1)', '0 up to x = 1, then x - 1: one unit is enough'),
  tent: named('max(0, 1-2*abs(x-1))', 'tent', '三角峰', 'a triangle on [0.5, 1.5], peak 1 at x = 1: '
    + 'exactly three units'),
  zigzag: named('abs(abs(2*x-2)-1)', 'zigzag', '折线', 'down, up, down, up between 0 and 1 on [0, 2]: '
    + 'three kinks, four units to be exact (three cannot)'),
  bump: named('exp(-8*(x-1)^2)', 'bump', '高斯峰', 'a smooth Gaussian bump at x = 1 (sd 0.25)'),
};

/**
 * @param {string|null} expression @param {string} en @param {string} zh @param {string} description
 * @param {Ast|null} [tree]
 */
function named(expression, en, zh, description, tree = null) {
  return { expression, en, zh, description, tree };
}

/** A refusal on its way out of the tokenizer or parser (caught in parseTarget, never escapes). */
class Refusal {
  /** @param {string} code @param {string} message @param {number} column */
  constructor(code, message, column) {
    this.code = code;
    this.message = message;
    this.column = column;
  }
}

/**
 * A named target or an expression of x, or why not (the same code and one-line message as Python's).
 * @param {unknown} text @returns {Parsed}
 */
export function parseTarget(text) {
  if (typeof text !== 'string') return { ok: false, code: 'type', error: 'a target must be text', column: 0 };
  const chars = Array.from(text);
  let start = 0, end = chars.length;
  while (start < end && SPACE.includes(chars[start])) start += 1;
  while (end > start && SPACE.includes(chars[end - 1])) end -= 1;
  if (start === end) {
    return { ok: false, code: 'empty', column: 0,
      error: 'empty target: give a name (x^2, abs, sin, ...) or an expression of x' };
  }
  if (end - start > MAX_LENGTH) {
    return { ok: false, code: 'long', column: 0,
      error: `target too long: ${end - start} characters, at most ${MAX_LENGTH}` };
  }
  const stripped = chars.slice(start, end).join('');
  try {
    if (Object.prototype.hasOwnProperty.call(NAMED, stripped)) {
      const one = NAMED[stripped];
      const ast = one.tree !== null ? one.tree : new Parser(Array.from(one.expression)).parse();
      return { ok: true, text: stripped, name: one.en, nameZh: one.zh, key: stripped, ast };
    }
    const ast = new Parser(chars).parse();
    const name = shortName(chars.slice(start, end));
    return { ok: true, text: stripped, name, nameZh: name, key: null, ast };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code, error: e.message, column: e.column };
    throw e;
  }
}

/** The expression as a name: whitespace runs as one space, at most 24 code points. @param {string[]} chars */
function shortName(chars) {
  const words = [];
  let word = '';
  for (const ch of chars) {
    if (SPACE.includes(ch)) {
      if (word) words.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  words.push(word);
  const one = Array.from(words.filter(w => w).join(' '));
  return one.length <= 24 ? one.join('') : one.slice(0, 23).join('') + '…';
}

/** @param {string} ch  one code point */
function quote(ch) {
  const code = ch.codePointAt(0);
  return code >= 0x21 && code <= 0x7e && ch !== "'" ? `'${ch}'`
    : 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** @param {string} ch */
const isDigit = ch => ch !== undefined && ch >= '0' && ch <= '9';
/** @param {string} ch */
const isLetter = ch => ch !== undefined
  && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_');

/**
 * @typedef {{kind: string, text: string, column: number, value: number}} Token
 */

/** @param {string[]} chars @returns {Token[]} */
function tokenize(chars) {
  const out = [];
  const n = chars.length;
  let i = 0;
  while (i < n) {
    const ch = chars[i];
    if (SPACE.includes(ch)) {
      i += 1;
    } else if (isDigit(ch) || (ch === '.' && isDigit(chars[i + 1]))) {
      const start = i;
      while (isDigit(chars[i])) i += 1;
      if (chars[i] === '.') {
        i += 1;
        while (isDigit(chars[i])) i += 1;
      }
      if (chars[i] === 'e' || chars[i] === 'E') {
        let j = i + 1;
        if (chars[j] === '+' || chars[j] === '-') j += 1;
        if (isDigit(chars[j])) {
          while (isDigit(chars[j])) j += 1;
          i = j;
        }
      }
      const word = chars.slice(start, i).join('');
      const value = Number(word);
      if (!Number.isFinite(value)) {
        throw new Refusal('big', `number ${word} too large at column ${start + 1}`, start + 1);
      }
      out.push({ kind: 'num', text: word, column: start + 1, value });
    } else if (isLetter(ch)) {
      const start = i;
      while (isLetter(chars[i]) || isDigit(chars[i])) i += 1;
      out.push({ kind: 'name', text: chars.slice(start, i).join(''), column: start + 1, value: 0 });
    } else if (ch === '*' && chars[i + 1] === '*') {
      out.push({ kind: 'op', text: '**', column: i + 1, value: 0 });
      i += 2;
    } else if ('+-*/^(),'.includes(ch)) {
      out.push({ kind: 'op', text: ch, column: i + 1, value: 0 });
      i += 1;
    } else {
      const hint = Object.prototype.hasOwnProperty.call(TYPESET, ch) ? ` (type ${TYPESET[ch]})` : '';
      throw new Refusal('char', `unexpected character ${quote(ch)} at column ${i + 1}${hint}`, i + 1);
    }
  }
  let last = n;
  while (last > 0 && SPACE.includes(chars[last - 1])) last -= 1;
  out.push({ kind: 'end', text: '', column: last + 1, value: 0 });
  return out;
}

/** @param {Token} token */
const describe = token => (token.kind === 'end' ? 'the end' : `'${token.text}'`);

/** Recursive descent, rule for rule scenes/targets.py's _Parser (see its docstring for the grammar). */
class Parser {
  /** @param {string[]} chars */
  constructor(chars) {
    this.tokens = tokenize(chars);
    this.at = 0;
    this.depth = 0;
  }

  get token() {
    return this.tokens[this.at];
  }

  /** @param {...string} ops */
  isOp(...ops) {
    return this.token.kind === 'op' && ops.includes(this.token.text);
  }

  /** @param {string} code @param {string} message @param {Token} token @param {string} [hint] */
  fail(code, message, token, hint = '') {
    return new Refusal(code, `${message} at column ${token.column}${hint ? ` (${hint})` : ''}`, token.column);
  }

  /** @returns {Ast} */
  parse() {
    const tree = this.expr();
    if (this.token.kind !== 'end') throw this.stray(this.token);
    return tree;
  }

  /** @param {Token} token */
  stray(token) {
    if (token.kind === 'op' && token.text === ')') return this.fail('unmatched', "unmatched ')'", token);
    if (token.kind === 'op' && token.text === ',') {
      return this.fail('comma', "',' outside min(...) or max(...)", token);
    }
    return this.fail('operator', `missing operator before ${describe(token)}`, token, 'write * to multiply');
  }

  /** @returns {Ast} */
  expr() {
    let left = this.term();
    while (this.isOp('+', '-')) {
      const op = this.token.text === '+' ? 'add' : 'sub';
      this.at += 1;
      left = [op, left, this.term()];
    }
    return left;
  }

  /** @returns {Ast} */
  term() {
    let left = this.unary();
    while (this.isOp('*', '/')) {
      const op = this.token.text === '*' ? 'mul' : 'div';
      this.at += 1;
      left = [op, left, this.unary()];
    }
    return left;
  }

  /** @returns {Ast} */
  unary() {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw this.fail('deep', 'nested too deeply', this.token, `at most ${MAX_DEPTH} levels`);
    }
    let tree;
    if (this.isOp('-')) {
      this.at += 1;
      tree = ['neg', this.unary()];
    } else if (this.isOp('+')) {
      this.at += 1;
      tree = this.unary();
    } else {
      tree = this.power();
    }
    this.depth -= 1;
    return tree;
  }

  /** @returns {Ast} */
  power() {
    const base = this.primary();
    if (!this.isOp('^', '**')) return base;
    this.at += 1;
    const exponent = this.unary();
    const n = smallInteger(exponent);
    return n !== null ? ['powi', base, n] : ['pow', base, exponent];
  }

  /** @returns {Ast} */
  primary() {
    const token = this.token;
    if (token.kind === 'num') {
      this.at += 1;
      return ['num', token.value];
    }
    if (token.kind === 'name') return this.named(token);
    if (this.isOp('(')) {
      this.at += 1;
      const tree = this.expr();
      this.close(token);
      return tree;
    }
    if (token.kind === 'end') throw this.fail('end', 'unexpected end of the expression', token);
    throw this.fail('operand', `expected ${OPERAND} but found ${describe(token)}`, token);
  }

  /** The `)` that closes `opening`, or the reason it is not there. @param {Token} opening */
  close(opening) {
    if (this.isOp(')')) {
      this.at += 1;
      return;
    }
    if (this.token.kind === 'end') throw this.fail('close', "missing ')' for the '('", opening);
    throw this.stray(this.token);
  }

  /** @param {Token} token @returns {Ast} */
  named(token) {
    const name = token.text;
    this.at += 1;
    if (name === 'x') return ['x'];
    if (name === 'pi') return ['pi'];
    const called = this.isOp('(');
    const has = (/** @type {object} */ table) => Object.prototype.hasOwnProperty.call(table, name);
    if (has(FUNCTIONS)) {
      if (!called) {
        throw this.fail('parens', `function '${name}' without parentheses`, token, `write ${name}(...)`);
      }
      return this.call(token);
    }
    if (called) {
      throw this.fail('function', `unknown function '${name}'`, token, `the functions are ${FUNCTION_LIST}`);
    }
    if (has(NAMED)) {
      throw this.fail('named', `named target '${name}' inside an expression`, token, 'it stands alone');
    }
    throw this.fail('name', `unknown name '${name}'`, token, `only x, pi and the functions ${FUNCTION_LIST}`);
  }

  /** @param {Token} token @returns {Ast} */
  call(token) {
    const opening = this.token;
    this.at += 1;
    const args = [];
    if (!this.isOp(')')) {
      args.push(this.expr());
      while (this.isOp(',')) {
        this.at += 1;
        args.push(this.expr());
      }
    }
    this.close(opening);
    const want = FUNCTIONS[token.text];
    if (args.length !== want) {
      const plural = want === 1 ? 'argument' : 'arguments';
      throw this.fail('arity', `${token.text}() takes ${want} ${plural}, not ${args.length},`, token);
    }
    return [token.text, ...args];
  }
}

/** n when an exponent is an integer literal (or its negation) with |n| <= 8, else null. @param {Ast} tree */
function smallInteger(tree) {
  let sign = 1;
  if (tree[0] === 'neg' && tree[1][0] === 'num') {
    sign = -1;
    tree = tree[1];
  }
  if (tree[0] === 'num' && Number.isInteger(tree[1]) && Math.abs(tree[1]) <= 8) return sign * tree[1] + 0;
  return null;
}

/**
 * Whether every operation is the same IEEE operation here and in numpy.
 * @param {Ast} tree @returns {boolean}
 */
export function isExact(tree) {
  return !LIBRARY_OPS.includes(tree[0]) && tree.slice(1).every(a => !Array.isArray(a) || isExact(a));
}

/**
 * The tree as a function of x, one closure per node, doing scenes/targets.py's operations in its order.
 * @param {Ast} tree @returns {(x: number) => number}
 */
export function compileTarget(tree) {
  const op = tree[0];
  if (op === 'x') return x => x;
  if (op === 'num') {
    const v = tree[1];
    return () => v;
  }
  if (op === 'pi') return () => Math.PI;
  if (op === 'powi') return powi(compileTarget(tree[1]), tree[2]);
  const [a, b] = tree.slice(1).map(compileTarget);
  switch (op) {
    case 'neg': return x => -a(x);
    case 'add': return x => a(x) + b(x);
    case 'sub': return x => a(x) - b(x);
    case 'mul': return x => a(x) * b(x);
    case 'div': return x => a(x) / b(x);
    case 'pow': return x => Math.pow(a(x), b(x));
    case 'min': return x => Math.min(a(x), b(x));
    case 'max': return x => Math.max(a(x), b(x));
    case 'step': return x => {
      const t = a(x);
      return t > 0 ? 1 : t <= 0 ? 0 : NaN;
    };
    case 'abs': return x => Math.abs(a(x));
    case 'sqrt': return x => Math.sqrt(a(x));
    case 'sin': return x => Math.sin(a(x));
    case 'cos': return x => Math.cos(a(x));
    case 'exp': return x => Math.exp(a(x));
    case 'log': return x => Math.log(a(x));
    case 'tanh': return x => Math.tanh(a(x));
    default: throw new Error(`target tree: unknown operation ${String(op)}`);
  }
}

/** a^n by repeated multiplication, left to right; 1 / that for n < 0. @param {(x: number) => number} a */
function powi(a, /** @type {number} */ n) {
  const k = Math.abs(n);
  if (k === 0) return () => 1;
  return x => {
    const base = a(x);
    let r = base;
    for (let i = 1; i < k; i += 1) r = r * base;
    return n > 0 ? r : 1 / r;
  };
}

/** The tree at one x. @param {Ast} tree @param {number} x @returns {number} */
export function evaluate(tree, x) {
  return compileTarget(tree)(x);
}

/**
 * Why a parsed target cannot be a target on [lo, hi] (NaN or infinite at one of 2001 evenly spaced points,
 * as np.linspace places them), in check_finite's words; null when it can.
 * @param {{name: string, ast: Ast}} target @param {number} lo @param {number} hi @returns {string|null}
 */
export function checkFinite(target, lo, hi) {
  const f = compileTarget(target.ast);
  const step = (hi - lo) / 2000;
  for (let i = 0; i <= 2000; i += 1) {
    const x = i === 2000 ? hi : i * step + lo;
    const y = f(x);
    if (!Number.isFinite(y)) {
      const what = Number.isNaN(y) ? 'NaN' : 'infinite';
      return `target ${target.name} is ${what} at x = ${fmt(x)} on the data range [${fmt(lo)}, ${fmt(hi)}]`;
    }
  }
  return null;
}

/**
 * A number as Python's `%.6g` writes it (exact decimal ties may round the other way: toFixed rounds them up).
 * @param {number} v @returns {string}
 */
export function fmt(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  const a = Math.abs(v);
  if (a === 0) return sign + '0';
  const [mantissa, exponent] = a.toExponential(5).split('e');
  const e = Number(exponent);
  const trim = (/** @type {string} */ s) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e < -4 || e >= 6) {
    return `${sign}${trim(mantissa)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return sign + trim(a.toFixed(5 - e));
}
