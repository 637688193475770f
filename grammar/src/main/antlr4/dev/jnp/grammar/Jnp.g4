// The jnp policy language. Action-free: no @members, no actions, no semantic predicates.
// Newlines are hidden from the parser (no construct needs them); keywords are soft: wherever
// a name or word may stand, a keyword may too (`ns default`, `port metrics`). Words are lexed
// leniently ("8080", "30000-32767", "53/udp", "10.0.0.0/8", "jaas:storage" are each one WORD)
// and validated strictly by the checker, at each part's own span.
grammar Jnp;

file
    : declaration* EOF
    ;

declaration
    : ENGINE engineName=word                                   # engineDecl
    | NAMESPACE nsName=word                                    # namespaceDecl
    | PARAM paramName=name '=' paramValue                      # paramDecl
    | PEER peerName=name '=' peers                             # peerDecl
    | WORKLOAD workloadName=name (IN nsName=word)?
        '{' workloadItem* '}'                                  # workloadDecl
    | DEFAULT DENY direction=(INGRESS | EGRESS)?
        (ORDER order=word)? when?                              # defaultDenyDecl
    | EXPECT verdict=(ALLOW | DENY) client=endpoint ARROW server=endpoint when?  # expectDecl
    ;

paramValue
    : TRUE                                                     # trueValue
    | FALSE                                                    # falseValue
    | word                                                     # wordValue
    ;

workloadItem
    : SELECT labels                                            # selectItem
    | PORT portName=name spec=word PROBE? when?                # portItem
    | ALLOW ports=portRefs? FROM peers when?                   # ingressRule
    | ALLOW ports=portRefs? TO peers when?                     # misplacedEgressRule
    | EGRESS when? '{' egressItem* '}'                         # egressBlock
    | native                                                   # nativeItem
    ;

egressItem
    : ALLOW DNS (TO peers)? when?                              # dnsRule
    | ALLOW ports=portRefs? TO peers when?                     # egressRule
    | ALLOW ports=portRefs? FROM peers when?                   # misplacedIngressRule
    | native                                                   # egressNative
    ;

native
    : NATIVE engineName=word direction=(INGRESS | EGRESS) body=RAW
    ;

portRefs
    : word (',' word)*
    ;

labels
    : label (',' label)*
    ;

label
    : key=word '=' value=word
    ;

peers
    : peer (',' peer)*
    ;

peer
    : ANY                                                      # anyPeer
    | NODES                                                    # nodesPeer
    | APISERVER addresses?                                     # apiServerPeer
    | NS WHERE labels                                          # namespaceLabelsPeer
    | NS nsName=word                                           # namespacePeer
    | PODS labels podNamespace?                                # podsPeer
    | CIDR block=word (EXCEPT '[' address (',' address)* ']')? # cidrPeer
    | FQDN fqdnName=word                                       # fqdnPeer
    | name                                                     # namedPeer
    ;

podNamespace
    : IN NS WHERE labels                                       # podsInLabelledNamespaces
    | IN NS nsName=word                                        # podsInNamespace
    | IN ANY NS                                                # podsInAnyNamespace
    ;

// An address list after `apiserver`. Keywords are not addresses here, so that a rule ending in
// `apiserver` is not continued by the next line's `allow`.
addresses
    : address                                                  # oneAddress
    | '[' address (',' address)* ']'                           # addressList
    ;

address
    : WORD | NUMBER | STRING | PARAM_REF
    ;

endpoint
    : NS nsName=word                                           # namespaceEndpoint
    | PODS labels (IN NS nsName=word)?                         # podsEndpoint
    | FQDN fqdnName=word                                       # fqdnEndpoint
    | NODE                                                     # nodeEndpoint
    | WORLD                                                    # worldEndpoint
    | APISERVER                                                # apiServerEndpoint
    | '[' ipv6=address ']' portSuffix=WORD?                    # ipv6Endpoint
    | word                                                     # wordEndpoint
    ;

when
    : WHEN condition
    ;

condition
    : NOT condition                                            # notCondition
    | left=condition AND right=condition                       # andCondition
    | left=condition OR right=condition                        # orCondition
    | '(' condition ')'                                        # parenCondition
    | name                                                     # paramCondition
    ;

word
    : name | NUMBER | STRING | PARAM_REF
    ;

name
    : WORD | keyword
    ;

keyword
    : ENGINE | NAMESPACE | PARAM | PEER | WORKLOAD | IN | SELECT | PORT | PROBE | WHEN
    | ALLOW | FROM | TO | EGRESS | INGRESS | NATIVE | DEFAULT | DENY | ORDER | EXPECT
    | DNS | ANY | NS | WHERE | PODS | CIDR | EXCEPT | FQDN | NODES | APISERVER
    | NOT | AND | OR | TRUE | FALSE | NODE | WORLD
    ;

ENGINE    : 'engine';
NAMESPACE : 'namespace';
PARAM     : 'param';
PEER      : 'peer';
WORKLOAD  : 'workload';
IN        : 'in';
SELECT    : 'select';
PORT      : 'port';
PROBE     : 'probe';
WHEN      : 'when';
ALLOW     : 'allow';
FROM      : 'from';
TO        : 'to';
EGRESS    : 'egress';
INGRESS   : 'ingress';
NATIVE    : 'native';
DEFAULT   : 'default';
DENY      : 'deny';
ORDER     : 'order';
EXPECT    : 'expect';
DNS       : 'dns';
ANY       : 'any';
NS        : 'ns';
WHERE     : 'where';
PODS      : 'pods';
CIDR      : 'cidr';
EXCEPT    : 'except';
FQDN      : 'fqdn';
NODES     : 'nodes';
APISERVER : 'apiserver';
NOT       : 'not';
AND       : 'and';
OR        : 'or';
TRUE      : 'true';
FALSE     : 'false';
NODE      : 'node';
WORLD     : 'world';

ARROW     : '->';
EQUALS    : '=';
COMMA     : ',';
LBRACE    : '{';
RBRACE    : '}';
LBRACKET  : '[';
RBRACKET  : ']';
LPAREN    : '(';
RPAREN    : ')';

RAW       : '"""' .*? '"""';
STRING    : '"' (~["\\\r\n] | '\\' ["\\n])* '"';
PARAM_REF : '$' [a-zA-Z_] [a-zA-Z0-9_.-]*;
NUMBER    : [0-9]+;
// Names, label keys and values, FQDNs, CIDRs, port specs, endpoints with ports. `->` stays an
// arrow: '>' is not a word character, so ARROW is the longer match.
WORD      : [a-zA-Z0-9_.*:/-]+;

// Comments stay in the stream (hidden) for tools; blanks and line ends are dropped: nothing reads
// them, and a large file is mostly blanks.
COMMENT   : '#' ~[\r\n]* -> channel(HIDDEN);
NEWLINE   : ('\r'? '\n' | '\r') -> skip;
SPACE     : [ \t\f\uFEFF]+ -> skip;

// The lexer never fails: anything else becomes a token the parser reports with what it expected.
UNKNOWN   : .;
