/** The token types of ACS's WhereClause grammar, numbered as its generated parser numbers them. */
export const T = {
  AND: 4,
  BETWEEN: 5,
  COLON: 6,
  COMMA: 7,
  EQUALS: 8,
  EXISTS: 9,
  GREATERTHAN: 10,
  GREATERTHANOREQUALS: 11,
  IN: 16,
  LEFTPAREN: 17,
  LESSTHAN: 18,
  LESSTHANOREQUALS: 19,
  MATCHES: 20,
  NEGATION: 21,
  OR: 22,
  PROPERTYNAME: 23,
  PROPERTYVALUE: 24,
  RIGHTPAREN: 25,
  SINGLEQUOTE: 26,
  WS: 27,
} as const

/** WhereClauseParser.tokenNames: what ACS's messages print for a clause type ("... for EQUALS comparison"). */
export const TOKEN_NAMES: readonly string[] = [
  '<invalid>', '<EOR>', '<DOWN>', '<UP>', 'AND', 'BETWEEN', 'COLON', 'COMMA', 'EQUALS', 'EXISTS', 'GREATERTHAN',
  'GREATERTHANOREQUALS', 'IDENTIFIER', 'IDENTIFIERDIGIT', 'IDENTIFIERLETTER', 'IDENTIFIERLETTERORDIGIT', 'IN', 'LEFTPAREN',
  'LESSTHAN', 'LESSTHANOREQUALS', 'MATCHES', 'NEGATION', 'OR', 'PROPERTYNAME', 'PROPERTYVALUE', 'RIGHTPAREN', 'SINGLEQUOTE', 'WS',
]
