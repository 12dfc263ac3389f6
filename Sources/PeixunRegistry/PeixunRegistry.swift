import PeixunCore
