"""Reading the INI files the linter uses (releases.cfg, releases.lock)."""
import configparser

from nova_like import exception


def read(path, case_sensitive=False):
    """A RawConfigParser of the file at ``path``; None when there is none.

    :param case_sensitive: keep keys as written (file names are keys).
    :raises RepositoryError: the file is not valid INI, naming it.
    """
    parser = configparser.RawConfigParser()
    if case_sensitive:
        parser.optionxform = str
    try:
        with open(path, encoding='utf-8') as ini_file:
            parser.read_file(ini_file)
    except FileNotFoundError:
        return None
    except (configparser.Error, UnicodeDecodeError) as error:
        raise exception.RepositoryError(
            'invalid %s: %s' % (path, ' '.join(str(error).split())))
    return parser
