package dev.jnp.compiler.check;

/**
 * The stable codes of the front end's diagnostics; {@code docs/diagnostics.md} explains each.
 * 00xx syntax, 01xx names, 02xx values, 03xx engines (in runtime), 04xx meaning, 09xx input.
 */
public final class Codes {
  private Codes() {}

  public static final String SYNTAX = "JNP0001";
  public static final String TOO_DEEP = "JNP0002";

  public static final String UNKNOWN_PORT = "JNP0101";
  public static final String UNKNOWN_PEER = "JNP0102";
  public static final String UNKNOWN_PARAM = "JNP0103";
  public static final String UNKNOWN_WORKLOAD = "JNP0104";
  public static final String DUPLICATE_PORT = "JNP0105";
  public static final String DUPLICATE_PEER = "JNP0106";
  public static final String DUPLICATE_PARAM = "JNP0107";
  public static final String DUPLICATE_WORKLOAD = "JNP0108";
  public static final String UNKNOWN_ENGINE = "JNP0109";
  public static final String UNDECLARED_SETTING = "JNP0110";
  public static final String PEER_CYCLE = "JNP0111";
  public static final String DUPLICATE_DECLARATION = "JNP0112";
  public static final String DUPLICATE_DEFAULT_DENY = "JNP0113";
  public static final String DUPLICATE_OBJECT = "JNP0114";
  public static final String TOO_MANY_PEERS = "JNP0115";

  public static final String PORT_OUT_OF_RANGE = "JNP0201";
  public static final String RANGE_REVERSED = "JNP0202";
  public static final String BAD_CIDR = "JNP0203";
  public static final String EXCEPT_OUTSIDE_BLOCK = "JNP0204";
  public static final String BAD_NAMESPACE = "JNP0205";
  public static final String BAD_LABEL_KEY = "JNP0206";
  public static final String BAD_LABEL_VALUE = "JNP0207";
  public static final String UNKNOWN_PROTOCOL = "JNP0208";
  public static final String BAD_NAME = "JNP0209";
  public static final String BAD_PORT = "JNP0210";
  public static final String BAD_FQDN = "JNP0211";
  public static final String PARAM_TYPE = "JNP0212";
  public static final String BAD_ORDER = "JNP0213";
  public static final String BAD_SETTING = "JNP0214";
  public static final String BAD_NATIVE = "JNP0215";
  public static final String BAD_ENDPOINT = "JNP0216";
  public static final String DUPLICATE_LABEL = "JNP0217";

  public static final String MISPLACED_RULE = "JNP0401";
  public static final String NO_SELECT = "JNP0402";
  public static final String TWO_SELECTS = "JNP0403";
  public static final String TWO_EGRESS_BLOCKS = "JNP0404";
  public static final String EGRESS_WITHOUT_DNS = "JNP0405";
  public static final String DENY_EGRESS_WITHOUT_BLOCK = "JNP0406";
  public static final String PROBE_NOT_FROM_NODES = "JNP0407";
  public static final String NEVER_TRUE = "JNP0408";
  public static final String SHADOWED_RULE = "JNP0409";
  public static final String NO_NAMESPACE = "JNP0410";
  public static final String FQDN_INGRESS = "JNP0411";
  public static final String TOO_MANY_RULES = "JNP0412";

  public static final String UNREADABLE = "JNP0901";
  public static final String BAD_VALUES_FILE = "JNP0902";
  public static final String BAD_ENCODING = "JNP0903";
  public static final String SKIPPED_MANIFEST = "JNP0904";
}
